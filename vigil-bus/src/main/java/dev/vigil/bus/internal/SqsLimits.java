package dev.vigil.bus.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The limits SQS puts on names, durations and sizes, and the checks that name what broke them. */
public final class SqsLimits {
  /** Longest visibility timeout SQS accepts. */
  public static final Duration MAX_VISIBILITY = Duration.ofHours(12);

  /** Longest message or queue delay SQS accepts. */
  public static final Duration MAX_DELAY = Duration.ofMinutes(15);

  /** Shortest retention period SQS accepts. */
  public static final Duration MIN_RETENTION = Duration.ofMinutes(1);

  /** Longest retention period SQS accepts. */
  public static final Duration MAX_RETENTION = Duration.ofDays(14);

  /** Longest receive wait (long poll) SQS accepts. */
  public static final Duration MAX_WAIT = Duration.ofSeconds(20);

  /** Largest message: body plus attribute names and values, in UTF-8 bytes. */
  public static final int MAX_MESSAGE_BYTES = 256 * 1024;

  /** Most messages one receive returns. */
  public static final int MAX_BATCH = 10;

  /** Highest maxReceiveCount of a redrive policy. */
  public static final int MAX_RECEIVE_COUNT = 1000;

  /**
   * SQS's default maxReceiveCount when a test does not choose one (the seed's production value).
   */
  public static final int DEFAULT_MAX_RECEIVE_COUNT = 3;

  /** How long a FIFO queue remembers a deduplication id. */
  public static final Duration DEDUPLICATION_WINDOW = Duration.ofMinutes(5);

  private static final Pattern QUEUE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");
  private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}");
  private static final Pattern FIFO_ID = Pattern.compile("[!-~]{1,128}");

  private SqsLimits() {}

  /**
   * Checks a queue name.
   *
   * @param parameter the parameter's name, for the message
   * @param name the name
   */
  public static void checkQueueName(String parameter, @Nullable String name) {
    checkName(parameter, name, QUEUE_NAME, "1-80 letters, digits, hyphens or underscores");
  }

  /**
   * Checks a topic name.
   *
   * @param parameter the parameter's name, for the message
   * @param name the name
   */
  public static void checkTopicName(String parameter, @Nullable String name) {
    checkName(parameter, name, TOPIC_NAME, "1-256 letters, digits, hyphens or underscores");
  }

  private static void checkName(
      String parameter, @Nullable String name, Pattern allowed, String rule) {
    if (name == null) {
      throw new NullPointerException(parameter + " must not be null");
    }
    String base = name.endsWith(".fifo") ? name.substring(0, name.length() - 5) : name;
    if (!allowed.matcher(base).matches()) {
      throw new IllegalArgumentException(
          parameter + " must be " + rule + " (plus .fifo for FIFO), was '" + name + "'");
    }
  }

  /**
   * Checks that {@code value} lies in [0, max].
   *
   * @param parameter the parameter's name
   * @param value the duration
   * @param max the largest allowed
   */
  public static void checkRange(String parameter, @Nullable Duration value, Duration max) {
    checkRange(parameter, value, Duration.ZERO, max);
  }

  /**
   * Checks that {@code value} lies in [min, max].
   *
   * @param parameter the parameter's name
   * @param value the duration
   * @param min the smallest allowed
   * @param max the largest allowed
   */
  public static void checkRange(
      String parameter, @Nullable Duration value, Duration min, Duration max) {
    if (value == null) {
      throw new NullPointerException(parameter + " must not be null");
    }
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          parameter + " must be between " + min + " and " + max + ", was " + value);
    }
  }

  /**
   * Checks a FIFO group or deduplication id: 1-128 printable ASCII characters.
   *
   * @param parameter the parameter's name
   * @param id the id
   */
  public static void checkFifoId(String parameter, String id) {
    if (!FIFO_ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          parameter + " must be 1-128 printable ASCII characters, was '" + id + "'");
    }
  }

  /**
   * Checks a receive batch size.
   *
   * @param maxMessages 1-10
   */
  public static void checkBatch(int maxMessages) {
    if (maxMessages < 1 || maxMessages > MAX_BATCH) {
      throw new IllegalArgumentException(
          "maxMessages must be between 1 and " + MAX_BATCH + ", was " + maxMessages);
    }
  }

  /**
   * Returns the size SQS counts for a message: body plus attribute names and values.
   *
   * @param body the body
   * @param attributes the attributes
   * @return the size in UTF-8 bytes
   */
  public static int sizeOf(String body, Map<String, String> attributes) {
    int size = utf8Length(body);
    for (Map.Entry<String, String> attribute : attributes.entrySet()) {
      size += utf8Length(attribute.getKey()) + utf8Length(attribute.getValue());
    }
    return size;
  }

  private static int utf8Length(String text) {
    // Bodies are mostly ASCII: count without encoding unless a character says otherwise.
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return text.getBytes(StandardCharsets.UTF_8).length;
      }
    }
    return text.length();
  }
}
