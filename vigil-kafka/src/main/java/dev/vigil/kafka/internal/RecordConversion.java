package dev.vigil.kafka.internal;

import dev.vigil.kafka.CapturedRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Turns Kafka's records and headers into Vigil's and back. */
public final class RecordConversion {
  private RecordConversion() {}

  /**
   * Copies a consumed record.
   *
   * @param record the record
   * @return the captured record
   */
  public static CapturedRecord captured(ConsumerRecord<byte[], byte[]> record) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (Header header : record.headers()) {
      byte[] value = header.value();
      headers.put(header.key(), value == null ? "" : new String(value, StandardCharsets.UTF_8));
    }
    return new CapturedRecord(
        record.topic(),
        record.partition(),
        record.offset(),
        Instant.ofEpochMilli(record.timestamp()),
        record.key(),
        record.value(),
        headers);
  }

  /**
   * Turns message attributes into record headers.
   *
   * @param attributes the attributes
   * @return the headers, UTF-8
   */
  public static RecordHeaders headers(Map<String, String> attributes) {
    RecordHeaders headers = new RecordHeaders();
    attributes.forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
    return headers;
  }
}
