package news.pipeline.app.clean;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Guesses the language of a text when the page declares none, with the Optimaize n-gram detector
 * (about 70 built-in language profiles, loaded once on first use, then thread-safe).
 *
 * <p>{@code LanguageGuesser.guess("Der Stadtrat hat am Dienstag beschlossen, ...")} gives {@code
 * de}; a text too short or too mixed to tell gives null.
 */
public final class LanguageGuesser {

  /** Texts shorter than this say too little to tell a language reliably. */
  private static final int MIN_CHARS = 60;
  /** The detector reads this much; more text costs time and changes no answer. */
  private static final int MAX_CHARS = 3000;
  private static final double MIN_PROBABILITY = 0.85;

  private LanguageGuesser() {}

  /** The ISO 639-1 code (or 639-3 when there is none) of {@code text}, or null. */
  public static String guess(String text) {
    if (text == null || text.strip().length() < MIN_CHARS) {
      return null;
    }
    String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    List<DetectedLanguage> found = Holder.DETECTOR.getProbabilities(Holder.TEXTS.forText(sample));
    if (found.isEmpty() || found.get(0).getProbability() < MIN_PROBABILITY) {
      return null;
    }
    return found.get(0).getLocale().getLanguage();
  }

  /** Loads the profiles on first use only: pages that declare their language never pay for it. */
  private static final class Holder {
    static final LanguageDetector DETECTOR = build();
    static final TextObjectFactory TEXTS = CommonTextObjectFactories.forDetectingOnLargeText();

    private static LanguageDetector build() {
      try {
        return LanguageDetectorBuilder.create(NgramExtractors.standard())
            .withProfiles(new LanguageProfileReader().readAllBuiltIn())
            .build();
      } catch (IOException e) {
        throw new UncheckedIOException("language profiles missing from the class path", e);
      }
    }
  }
}
