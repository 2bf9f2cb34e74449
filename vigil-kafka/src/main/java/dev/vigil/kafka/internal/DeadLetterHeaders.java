package dev.vigil.kafka.internal;

import dev.vigil.kafka.CapturedRecord;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers of a dead letter: the original record's, plus where it came from and why it failed,
 * all as UTF-8 text.
 */
public final class DeadLetterHeaders {
  /** The original record's topic. */
  public static final String ORIGINAL_TOPIC = "dlt-original-topic";

  /** The original record's partition. */
  public static final String ORIGINAL_PARTITION = "dlt-original-partition";

  /** The original record's offset. */
  public static final String ORIGINAL_OFFSET = "dlt-original-offset";

  /** The class of the handler's last exception. */
  public static final String EXCEPTION_CLASS = "dlt-exception-fqcn";

  /** The message of the handler's last exception. */
  public static final String EXCEPTION_MESSAGE = "dlt-exception-message";

  private DeadLetterHeaders() {}

  /**
   * Returns the headers of a dead letter.
   *
   * @param record the original record
   * @param failure the handler's last exception
   * @return the headers
   */
  public static RecordHeaders of(CapturedRecord record, Throwable failure) {
    RecordHeaders headers = RecordConversion.headers(record.headers());
    add(headers, ORIGINAL_TOPIC, record.topic());
    add(headers, ORIGINAL_PARTITION, Integer.toString(record.partition()));
    add(headers, ORIGINAL_OFFSET, Long.toString(record.offset()));
    add(headers, EXCEPTION_CLASS, failure.getClass().getName());
    add(headers, EXCEPTION_MESSAGE, String.valueOf(failure.getMessage()));
    return headers;
  }

  private static void add(RecordHeaders headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
