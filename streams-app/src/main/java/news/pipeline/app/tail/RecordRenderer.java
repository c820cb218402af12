package news.pipeline.app.tail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import news.pipeline.app.topology.Topics;
import news.pipeline.avro.CanonicalArticle;
import news.pipeline.avro.DedupDecision;
import news.pipeline.avro.RawDocument;
import news.pipeline.schemas.AvroSerde;
import news.pipeline.schemas.EventJson;
import news.pipeline.schemas.EventSerdes;
import news.pipeline.schemas.SchemaHistory;

/**
 * One record of a pipeline topic as one line of JSON, for people and for {@code jq}:
 *
 * <ul>
 *   <li>canonical articles and dedup decisions: the event's fields ({@link EventJson}); a tombstone
 *       on the canonical topic is {@code {"id":…,"retired":true}};
 *   <li>rejected records: where and why ({@code stage}, {@code reason}, {@code exception}, {@code
 *       source}), every header, the size and a text preview of the original bytes;
 *   <li>any other topic: Avro events are recognised by their schema fingerprint, JSON and text shown
 *       as text, anything else by its size.
 * </ul>
 *
 * A record that cannot be decoded renders as {@code {"key":…,"error":…}} rather than stopping the tail.
 */
public final class RecordRenderer {

  /** How to read a topic's values. */
  public enum Kind {
    CANONICAL,
    DECISIONS,
    REJECTED,
    /** Find out per record: Avro fingerprint, rejection headers, text. */
    AUTO
  }

  static final int PREVIEW_CHARS = 300;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final AvroSerde<CanonicalArticle> ARTICLES = EventSerdes.canonicalArticle();
  private static final AvroSerde<DedupDecision> DECISIONS = EventSerdes.dedupDecision();
  private static final AvroSerde<RawDocument> RAW = EventSerdes.rawDocument();

  private RecordRenderer() {}

  public static String render(ConsumerRecord<String, byte[]> record, Kind kind) {
    try {
      return switch (kind) {
        case CANONICAL -> article(record.key(), record.value() == null ? null : ARTICLES.decode(record.value()));
        case DECISIONS -> record.value() == null ? tombstone(record.key()) : EventJson.toJsonLine(DECISIONS.decode(record.value()));
        case REJECTED -> rejected(record);
        case AUTO -> auto(record);
      };
    } catch (RuntimeException e) {
      ObjectNode node = MAPPER.createObjectNode();
      node.put("key", record.key());
      node.put("partition", record.partition());
      node.put("offset", record.offset());
      node.put("error", e.getMessage());
      return write(node);
    }
  }

  /** A canonical article, or the retirement of {@code id} when {@code article} is null. */
  public static String article(String id, CanonicalArticle article) {
    if (article == null) {
      return write(MAPPER.createObjectNode().put("id", id).put("retired", true));
    }
    return EventJson.toJsonLine(article);
  }

  private static String tombstone(String key) {
    return write(MAPPER.createObjectNode().put("key", key).putNull("value"));
  }

  private static String auto(ConsumerRecord<String, byte[]> record) {
    byte[] value = record.value();
    if (record.headers().lastHeader(Topics.HEADER_REASON) != null
        || record.headers().lastHeader("__streams.errors.exception") != null) {
      return rejected(record);
    }
    if (value == null) {
      return tombstone(record.key());
    }
    if (AvroSerde.looksLikeAvro(value)) {
      long fingerprint = ByteBuffer.wrap(value, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
      Schema schema = SchemaHistory.store().findByFingerprint(fingerprint);
      if (schema != null) {
        GenericRecord event = switch (schema.getName()) {
          case "CanonicalArticle" -> ARTICLES.decode(value);
          case "DedupDecision" -> DECISIONS.decode(value);
          case "RawDocument" -> RAW.decode(value);
          default -> null;
        };
        if (event != null) {
          return EventJson.toJsonLine(event);
        }
      }
    }
    ObjectNode node = MAPPER.createObjectNode();
    node.put("key", record.key());
    String text = utf8(value);
    if (text != null && text.strip().startsWith("{")) {
      try {
        node.set("value", MAPPER.readTree(text));
        return write(node);
      } catch (JsonProcessingException e) {
        // not JSON after all: shown as text below
      }
    }
    node.put("bytes", value.length);
    if (text != null) {
      node.put("text", preview(text));
    }
    return write(node);
  }

  private static String rejected(ConsumerRecord<String, byte[]> record) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("key", record.key());
    node.put("timestamp", Instant.ofEpochMilli(record.timestamp()).toString());
    node.put("stage", first(record, Topics.HEADER_STAGE, null, "streams"));
    node.put("reason", first(record, Topics.HEADER_REASON, "__streams.errors.message", null));
    node.put("exception", first(record, Topics.HEADER_EXCEPTION, "__streams.errors.exception", null));
    String topic = first(record, Topics.HEADER_SOURCE_TOPIC, "__streams.errors.topic", null);
    if (topic != null) {
      node.put(
          "source",
          topic + "/" + first(record, Topics.HEADER_SOURCE_PARTITION, "__streams.errors.partition", "?") + "/"
              + first(record, Topics.HEADER_SOURCE_OFFSET, "__streams.errors.offset", "?"));
    }
    ObjectNode headers = node.putObject("headers");
    for (Header header : record.headers()) {
      String text = header.value() == null ? null : utf8(header.value());
      headers.put(header.key(), text == null ? null : preview(text));
    }
    byte[] value = record.value();
    node.put("bytes", value == null ? 0 : value.length);
    String text = value == null ? null : utf8(value);
    if (text != null) {
      node.put("text", preview(text));
    }
    return write(node);
  }

  /** The first header present as text; {@code fallbackValue} when neither is. */
  private static String first(ConsumerRecord<String, byte[]> record, String header, String alternative, String fallbackValue) {
    for (String name : new String[] {header, alternative}) {
      Header h = name == null ? null : record.headers().lastHeader(name);
      if (h != null && h.value() != null) {
        return new String(h.value(), StandardCharsets.UTF_8);
      }
    }
    return fallbackValue;
  }

  /** The bytes as text when they are valid UTF-8 without NULs, else null. */
  static String utf8(byte[] bytes) {
    try {
      CharBuffer chars =
          StandardCharsets.UTF_8.newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes));
      String text = chars.toString();
      return text.indexOf('\0') >= 0 ? null : text;
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  static String preview(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() <= PREVIEW_CHARS ? flat : flat.substring(0, PREVIEW_CHARS) + "…";
  }

  private static String write(ObjectNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
