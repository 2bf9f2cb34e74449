package dev.vigil.kafka;

import dev.vigil.bus.MessageCodec;
import dev.vigil.bus.UndecodableMessageException;
import dev.vigil.timeline.Correlation;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Kafka record as a {@link KafkaCapture} saw it: where it sits (topic, partition, offset), its
 * key, headers and value. The value is kept as the raw bytes that arrived, so a record that is not
 * text, or not the JSON a test expected, is never lost: {@link #text()} and {@link #decode} fail
 * naming the record and showing what arrived, and {@link #value()} still returns every byte.
 *
 * @since 0.1
 */
public final class CapturedRecord {
  private final String topic;
  private final int partition;
  private final long offset;
  private final Instant timestamp;
  private final byte @Nullable [] key;
  private final byte @Nullable [] value;
  private final Map<String, String> headers;

  /**
   * Creates a record; the capture makes them, tests rarely need to.
   *
   * @param topic the topic
   * @param partition the partition, not negative
   * @param offset the offset in the partition, not negative
   * @param timestamp the record's timestamp
   * @param key the key's bytes, or {@code null}
   * @param value the value's bytes, or {@code null} for a tombstone
   * @param headers the headers as text (UTF-8), the last value of each name
   */
  public CapturedRecord(
      String topic,
      int partition,
      long offset,
      Instant timestamp,
      byte @Nullable [] key,
      byte @Nullable [] value,
      Map<String, String> headers) {
    this.topic = Objects.requireNonNull(topic, "topic must not be null");
    if (partition < 0) {
      throw new IllegalArgumentException("partition must not be negative, was " + partition);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative, was " + offset);
    }
    this.partition = partition;
    this.offset = offset;
    this.timestamp = Objects.requireNonNull(timestamp, "timestamp must not be null");
    this.key = key == null ? null : key.clone();
    this.value = value == null ? null : value.clone();
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /**
   * Returns the topic.
   *
   * @return the topic's name
   */
  public String topic() {
    return topic;
  }

  /**
   * Returns the partition.
   *
   * @return the partition's number
   */
  public int partition() {
    return partition;
  }

  /**
   * Returns the offset in the partition.
   *
   * @return the offset
   */
  public long offset() {
    return offset;
  }

  /**
   * Returns where the record sits, as one id.
   *
   * @return {@code <topic>-<partition>-<offset>}, such as {@code orders-0-41}
   */
  public String id() {
    return topic + "-" + partition + "-" + offset;
  }

  /**
   * Returns the record's timestamp (the producer's, or the broker's for log-append time).
   *
   * @return the timestamp
   */
  public Instant timestamp() {
    return timestamp;
  }

  /**
   * Returns the key as text.
   *
   * @return the key decoded as UTF-8 (bytes that are not UTF-8 show as U+FFFD), or {@code null}
   */
  public @Nullable String key() {
    return key == null ? null : new String(key, StandardCharsets.UTF_8);
  }

  /**
   * Returns a copy of the value's bytes, exactly as they arrived.
   *
   * @return the bytes, or {@code null} for a tombstone
   */
  public byte @Nullable [] value() {
    return value == null ? null : value.clone();
  }

  /**
   * Returns the value as UTF-8 text.
   *
   * @return the text; empty for a tombstone
   * @throws UndecodableMessageException when the bytes are not valid UTF-8; the record keeps them
   */
  public String text() {
    if (value == null) {
      return "";
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(value))
          .toString();
    } catch (CharacterCodingException notText) {
      throw new UndecodableMessageException(
              lenientText(), String.class, "the value is not UTF-8 text (" + hex() + ")", notText)
          .at(topic, id());
    }
  }

  /**
   * Decodes the value with {@code codec}, such as {@link dev.vigil.bus.JsonCodec#plain()}.
   *
   * @param codec the codec
   * @param type the payload type
   * @param <T> the payload type
   * @return the payload
   * @throws UndecodableMessageException naming this record when the value cannot be read as {@code
   *     type}
   */
  public <T> T decode(MessageCodec codec, Class<T> type) {
    Objects.requireNonNull(codec, "codec must not be null");
    Objects.requireNonNull(type, "type must not be null");
    String text = text();
    try {
      return codec.decode(text, type);
    } catch (UndecodableMessageException undecodable) {
      throw undecodable.at(topic, id());
    }
  }

  /**
   * Returns the headers as text.
   *
   * @return the headers by name, in arrival order
   */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * Returns the flow this record belongs to.
   *
   * @return its {@value Correlation#HEADER} header, or {@code null}
   */
  public @Nullable String correlationId() {
    return headers.get(Correlation.HEADER);
  }

  /**
   * Returns the value as text, with U+FFFD where the bytes are not UTF-8: for summaries.
   *
   * @return the text, empty for a tombstone
   */
  public String lenientText() {
    return value == null ? "" : new String(value, StandardCharsets.UTF_8);
  }

  private String hex() {
    byte[] bytes = Objects.requireNonNull(value);
    StringBuilder text = new StringBuilder(bytes.length + " bytes:");
    for (int i = 0; i < Math.min(bytes.length, 32); i++) {
      text.append(String.format(" %02x", bytes[i]));
    }
    return bytes.length > 32 ? text.append(" …").toString() : text.toString();
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof CapturedRecord that
        && topic.equals(that.topic)
        && partition == that.partition
        && offset == that.offset
        && timestamp.equals(that.timestamp)
        && Arrays.equals(key, that.key)
        && Arrays.equals(value, that.value)
        && headers.equals(that.headers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(topic, partition, offset);
  }

  @Override
  public String toString() {
    return id() + " key=" + key() + " headers=" + headers + " value=" + lenientText();
  }
}
