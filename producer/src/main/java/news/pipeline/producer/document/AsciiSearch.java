package news.pipeline.producer.document;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Searches for ASCII bytes and words in a byte range, eight bytes at a time: a word is read as a
 * {@code long}, and only a word that holds the wanted byte (the usual test for a zero byte, on the
 * word XOR the byte repeated) is looked at byte by byte. Case-insensitive searches fold ASCII
 * letters only.
 *
 * <p>{@code int at = AsciiSearch.indexOfIgnoreCase(page, 0, page.length, "canonical");}
 */
final class AsciiSearch {

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long CASE_BITS = 0x2020202020202020L;

  private AsciiSearch() {}

  /** The first index of {@code value} in {@code bytes[from, to)}, or -1. */
  static int indexOf(byte[] bytes, int from, int to, byte value) {
    long pattern = ONES * (value & 0xFF);
    int k = from;
    for (; k + 8 <= to; k += 8) {
      if (hasZeroByte((long) LONGS.get(bytes, k) ^ pattern)) {
        break;
      }
    }
    for (; k < to; k++) {
      if (bytes[k] == value) {
        return k;
      }
    }
    return -1;
  }

  /** Whether {@code bytes[from, to)} holds either byte. */
  static boolean containsEither(byte[] bytes, int from, int to, byte a, byte b) {
    long first = ONES * (a & 0xFF);
    long second = ONES * (b & 0xFF);
    int k = from;
    for (; k + 8 <= to; k += 8) {
      long word = (long) LONGS.get(bytes, k);
      if (hasZeroByte(word ^ first) || hasZeroByte(word ^ second)) {
        break;
      }
    }
    for (; k < to; k++) {
      if (bytes[k] == a || bytes[k] == b) {
        return true;
      }
    }
    return false;
  }

  /** The first index of the ASCII {@code text} in {@code bytes[from, to)}, or -1. */
  static int indexOf(byte[] bytes, int from, int to, String text) {
    int last = to - text.length();
    byte first = (byte) text.charAt(0);
    for (int k = from; k <= last; k++) {
      k = indexOf(bytes, k, last + 1, first);
      if (k < 0) {
        return -1;
      }
      if (matchesAt(bytes, k, text)) {
        return k;
      }
    }
    return -1;
  }

  /**
   * The first index of {@code lowerText} (lower-case ASCII) in {@code bytes[from, to)}, ASCII
   * letters in any case, or -1. A word is looked at byte by byte only when one of its positions
   * starts with the text's first three characters: in HTML most words hold a {@code c} or an
   * {@code e}, few hold {@code cha}.
   */
  static int indexOfIgnoreCase(byte[] bytes, int from, int to, String lowerText) {
    int length = lowerText.length();
    int last = to - length;
    int probe = Math.min(3, length);
    long fold0 = fold(lowerText, 0);
    long fold1 = probe > 1 ? fold(lowerText, 1) : 0;
    long fold2 = probe > 2 ? fold(lowerText, 2) : 0;
    long pattern0 = ONES * lowerText.charAt(0);
    long pattern1 = probe > 1 ? ONES * lowerText.charAt(1) : 0;
    long pattern2 = probe > 2 ? ONES * lowerText.charAt(2) : 0;
    int k = from;
    while (k <= last) {
      if (k + 7 <= last) {
        // byte i of the word is zero exactly when the probed characters all match at k + i
        long word = ((long) LONGS.get(bytes, k) | fold0) ^ pattern0;
        if (probe > 1) {
          word |= ((long) LONGS.get(bytes, k + 1) | fold1) ^ pattern1;
        }
        if (probe > 2) {
          word |= ((long) LONGS.get(bytes, k + 2) | fold2) ^ pattern2;
        }
        if (!hasZeroByte(word)) {
          k += 8;
          continue;
        }
      }
      int stop = Math.min(k + 8, last + 1);
      for (; k < stop; k++) {
        if (matchesIgnoreCase(bytes, k, lowerText)) {
          return k;
        }
      }
    }
    return -1;
  }

  /** The bits that fold an ASCII letter's case (a byte OR them equals the lower-case letter); none for other characters. */
  private static long fold(String lowerText, int index) {
    char c = lowerText.charAt(index);
    return c >= 'a' && c <= 'z' ? CASE_BITS : 0;
  }

  private static boolean matchesIgnoreCase(byte[] bytes, int at, String lowerText) {
    for (int n = 0; n < lowerText.length(); n++) {
      int c = bytes[at + n];
      if (c >= 'A' && c <= 'Z') {
        c += 32;
      }
      if (c != lowerText.charAt(n)) {
        return false;
      }
    }
    return true;
  }

  private static boolean matchesAt(byte[] bytes, int at, String text) {
    for (int n = 1; n < text.length(); n++) {
      if (bytes[at + n] != text.charAt(n)) {
        return false;
      }
    }
    return true;
  }

  /** Whether some byte of the word is zero (exact: a word without one never passes). */
  private static boolean hasZeroByte(long word) {
    return ((word - ONES) & ~word & HIGHS) != 0;
  }
}
