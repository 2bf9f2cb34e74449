package dev.vigil.bus.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The notification envelope SNS puts on a queue when raw message delivery is off. */
class SnsEnvelopeTest {
  private static final Instant NEW_YEAR = Instant.parse("2026-01-01T00:00:00Z");
  private static final String ARN = "arn:aws:sns:us-east-1:000000000000:orders";

  @Test
  void wraps_a_message_with_the_fields_sns_delivers() {
    String envelope =
        SnsEnvelope.wrap("m-1", ARN, "Hello", "{\"id\":1}", Map.of("type", "created"), NEW_YEAR);

    assertThat(envelope)
        .isEqualTo(
            "{\"Type\":\"Notification\",\"MessageId\":\"m-1\",\"TopicArn\":\""
                + ARN
                + "\","
                + "\"Subject\":\"Hello\",\"Message\":\"{\\\"id\\\":1}\","
                + "\"Timestamp\":\"2026-01-01T00:00:00.000Z\",\"SignatureVersion\":\"1\","
                + "\"MessageAttributes\":{\"type\":{\"Type\":\"String\",\"Value\":\"created\"}}}");
  }

  @Test
  void leaves_out_a_missing_subject_and_empty_attributes() {
    String envelope = SnsEnvelope.wrap("m-1", ARN, null, "hi", Map.of(), NEW_YEAR);

    assertThat(envelope)
        .isEqualTo(
            "{\"Type\":\"Notification\",\"MessageId\":\"m-1\",\"TopicArn\":\""
                + ARN
                + "\","
                + "\"Message\":\"hi\",\"Timestamp\":\"2026-01-01T00:00:00.000Z\","
                + "\"SignatureVersion\":\"1\"}");
  }

  @Test
  void writes_the_timestamp_to_the_millisecond_in_utc() {
    String envelope =
        SnsEnvelope.wrap(
            "m-1", ARN, null, "hi", Map.of(), Instant.parse("2026-03-04T05:06:07.891234Z"));

    assertThat(envelope).contains("\"Timestamp\":\"2026-03-04T05:06:07.891Z\"");
  }

  @Test
  void types_every_attribute_as_string_sorted_by_name() {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("b", "2");
    attributes.put("a", "[\"x\"]");

    String envelope = SnsEnvelope.wrap("m-1", ARN, null, "hi", attributes, NEW_YEAR);

    assertThat(envelope)
        .endsWith(
            "\"MessageAttributes\":{\"a\":{\"Type\":\"String\",\"Value\":\"[\\\"x\\\"]\"},"
                + "\"b\":{\"Type\":\"String\",\"Value\":\"2\"}}}");
  }

  @Test
  void unwrap_returns_the_message_of_a_wrapped_body() {
    String message = "{\"id\":1,\"note\":\"line\\nbreak\"}";
    String envelope = SnsEnvelope.wrap("m-1", ARN, "s", message, Map.of("k", "v"), NEW_YEAR);

    assertThat(SnsEnvelope.unwrap(envelope)).contains(message);
  }

  @Test
  void unwrap_ignores_bodies_that_are_not_notifications() {
    assertThat(SnsEnvelope.unwrap("plain text")).isEmpty();
    assertThat(SnsEnvelope.unwrap("")).isEmpty();
    assertThat(SnsEnvelope.unwrap("{\"id\":1}")).isEmpty();
    assertThat(SnsEnvelope.unwrap("{not json")).isEmpty();
    assertThat(SnsEnvelope.unwrap("[1,2]")).isEmpty();
    assertThat(
            SnsEnvelope.unwrap(
                "{\"Type\":\"SubscriptionConfirmation\",\"TopicArn\":\"a\","
                    + "\"Message\":\"m\"}"))
        .isEmpty();
    assertThat(SnsEnvelope.unwrap("{\"Type\":\"Notification\",\"TopicArn\":\"a\",\"Message\":{}}"))
        .isEmpty();
    assertThat(SnsEnvelope.unwrap("{\"Type\":\"Notification\",\"Message\":\"m\"}")).isEmpty();
  }

  @Test
  void topic_arn_uses_the_local_region_and_account() {
    assertThat(SnsEnvelope.topicArn("orders")).isEqualTo(ARN);
  }
}
