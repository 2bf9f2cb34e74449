package dev.vigil.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.bus.internal.SnsEnvelope;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

/** JSON bodies, plain and in tomodachi's envelope, seen through SNS notifications. */
class JsonCodecTest {
  record Order(String id, int quantity, List<String> tags) {}

  private static final Order ORDER = new Order("o-1", 3, List.of("gift"));
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void plain_round_trips_a_record() {
    JsonCodec codec = JsonCodec.plain();

    String body = codec.encode(ORDER);

    assertThat(body).isEqualTo("{\"id\":\"o-1\",\"quantity\":3,\"tags\":[\"gift\"]}");
    assertThat(codec.decode(body, Order.class)).isEqualTo(ORDER);
  }

  @Test
  void plain_round_trips_a_map() {
    JsonCodec codec = JsonCodec.plain();

    Map<?, ?> decoded = codec.decode(codec.encode(Map.of("a", 1, "b", List.of("x"))), Map.class);

    assertThat(decoded).isEqualTo(Map.of("a", 1, "b", List.of("x")));
  }

  @Test
  void plain_ignores_unknown_properties() {
    Order order =
        JsonCodec.plain()
            .decode("{\"id\":\"o-1\",\"quantity\":3,\"tags\":[],\"extra\":true}", Order.class);

    assertThat(order).isEqualTo(new Order("o-1", 3, List.of()));
  }

  @Test
  void plain_uses_a_supplied_mapper() {
    ObjectMapper strict =
        new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    assertThatThrownBy(
            () -> JsonCodec.plain(strict).decode("{\"id\":\"o-1\",\"extra\":true}", Order.class))
        .isInstanceOf(UndecodableMessageException.class)
        .hasMessageContaining("Unrecognized field \"extra\"");
  }

  @Test
  void tomodachi_json_base_round_trips_a_record() {
    JsonCodec codec = JsonCodec.tomodachiJsonBase();

    assertThat(codec.decode(codec.encode(ORDER), Order.class)).isEqualTo(ORDER);
  }

  @Test
  void tomodachi_json_base_writes_the_tomodachi_json_base_envelope() throws IOException {
    JsonNode envelope = JSON.readTree(JsonCodec.tomodachiJsonBase().encode(ORDER));

    assertThat(envelope.properties())
        .extracting(Map.Entry::getKey)
        .containsExactly("service", "metadata", "data");
    assertThat(envelope.get("service").get("name").asText()).isEqualTo("vigil");
    String serviceUuid = envelope.get("service").get("uuid").asText();
    JsonNode metadata = envelope.get("metadata");
    assertThat(metadata.properties())
        .extracting(Map.Entry::getKey)
        .containsExactly(
            "message_uuid",
            "protocol_version",
            "compatible_protocol_versions",
            "timestamp",
            "topic",
            "data_encoding");
    assertThat(metadata.get("message_uuid").asText())
        .matches(serviceUuid.replace("-", "\\-") + "\\.[0-9a-f-]{36}");
    assertThat(metadata.get("protocol_version").asText()).isEqualTo("tomodachi-json-base--1.0.0");
    assertThat(metadata.get("compatible_protocol_versions").toString())
        .isEqualTo("[\"json_base-wip\"]");
    assertThat(metadata.get("timestamp").isDouble()).isTrue();
    assertThat(metadata.get("timestamp").asDouble())
        .isCloseTo(Instant.now().toEpochMilli() / 1000.0, within(60.0));
    assertThat(metadata.get("topic").asText()).isEmpty();
    assertThat(metadata.get("data_encoding").asText()).isEqualTo("raw");
    assertThat(envelope.get("data").toString())
        .isEqualTo("{\"id\":\"o-1\",\"quantity\":3,\"tags\":[\"gift\"]}");
  }

  @Test
  void each_tomodachi_json_base_message_gets_its_own_uuid() throws IOException {
    JsonCodec codec = JsonCodec.tomodachiJsonBase();

    String first = JSON.readTree(codec.encode(ORDER)).get("metadata").get("message_uuid").asText();
    String second = JSON.readTree(codec.encode(ORDER)).get("metadata").get("message_uuid").asText();

    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void tomodachi_json_base_reads_data_tomodachi_compressed() throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (DeflaterOutputStream zlib = new DeflaterOutputStream(compressed)) {
      zlib.write(JsonCodec.plain().encode(ORDER).getBytes(StandardCharsets.UTF_8));
    }
    String body =
        "{\"service\":{\"name\":\"py\",\"uuid\":\"u\"},\"metadata\":{\"data_encoding\":"
            + "\"base64_gzip_json\"},\"data\":\""
            + Base64.getEncoder().encodeToString(compressed.toByteArray())
            + "\"}";

    assertThat(JsonCodec.tomodachiJsonBase().decode(body, Order.class)).isEqualTo(ORDER);
  }

  @Test
  void decoding_sees_through_an_sns_envelope() {
    String plain =
        SnsEnvelope.wrap(
            "m-1", "arn", null, JsonCodec.plain().encode(ORDER), Map.of(), Instant.EPOCH);
    String enveloped =
        SnsEnvelope.wrap(
            "m-2",
            "arn",
            null,
            JsonCodec.tomodachiJsonBase().encode(ORDER),
            Map.of(),
            Instant.EPOCH);

    assertThat(JsonCodec.plain().decode(plain, Order.class)).isEqualTo(ORDER);
    assertThat(JsonCodec.tomodachiJsonBase().decode(enveloped, Order.class)).isEqualTo(ORDER);
  }

  @Test
  void an_undecodable_body_fails_with_the_reason_and_the_raw_body() {
    String body = "{\"id\":\"o-1\",\"quantity\":\"three\",\"tags\":[]}";

    assertThatThrownBy(() -> JsonCodec.plain().decode(body, Order.class))
        .isInstanceOfSatisfying(
            UndecodableMessageException.class,
            e -> {
              assertThat(e.rawBody()).isEqualTo(body);
              assertThat(e.targetType()).isEqualTo(Order.class);
            })
        .hasMessage(
            "cannot decode message body as dev.vigil.bus.JsonCodecTest$Order: Cannot deserialize"
                + " value of type `int` from String \"three\": not a valid `int` value; raw body: "
                + body);
  }

  @Test
  void a_body_that_is_not_json_fails_clearly() {
    assertThatThrownBy(() -> JsonCodec.plain().decode("not json", Order.class))
        .isInstanceOf(UndecodableMessageException.class)
        .hasMessageStartingWith(
            "cannot decode message body as dev.vigil.bus.JsonCodecTest$Order: Unrecognized token"
                + " 'not'")
        .hasMessageEndingWith("; raw body: not json");
  }

  @Test
  void a_json_null_body_is_undecodable() {
    assertThatThrownBy(() -> JsonCodec.plain().decode("null", Order.class))
        .isInstanceOf(UndecodableMessageException.class)
        .hasMessage(
            "cannot decode message body as dev.vigil.bus.JsonCodecTest$Order: the payload is JSON"
                + " null; raw body: null");
  }

  @Test
  void a_long_raw_body_is_abbreviated_in_the_message_but_kept_whole() {
    String body = "x".repeat(600);

    assertThatThrownBy(() -> JsonCodec.plain().decode(body, Order.class))
        .isInstanceOfSatisfying(
            UndecodableMessageException.class, e -> assertThat(e.rawBody()).isEqualTo(body))
        .hasMessageEndingWith("; raw body: " + "x".repeat(500) + "… (600 chars)");
  }

  @Test
  void tomodachi_json_base_decoding_of_a_body_without_an_envelope_fails_clearly() {
    String body = JsonCodec.plain().encode(ORDER);

    assertThatThrownBy(() -> JsonCodec.tomodachiJsonBase().decode(body, Order.class))
        .isInstanceOf(UndecodableMessageException.class)
        .hasMessage(
            "cannot decode message body as dev.vigil.bus.JsonCodecTest$Order: not a tomodachi"
                + " envelope: no \"data\" field; raw body: "
                + body);
  }

  @Test
  void tomodachi_json_base_decoding_of_corrupt_compressed_data_fails_clearly() {
    String body = "{\"metadata\":{\"data_encoding\":\"base64_gzip_json\"},\"data\":\"!!\"}";

    assertThatThrownBy(() -> JsonCodec.tomodachiJsonBase().decode(body, Order.class))
        .isInstanceOf(UndecodableMessageException.class)
        .hasMessageContaining(
            "data_encoding is base64_gzip_json but data is not base64 zlib-compressed JSON");
  }

  @Test
  void an_unserializable_payload_is_rejected() {
    assertThatThrownBy(() -> JsonCodec.plain().encode(new Object()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot encode java.lang.Object as JSON: No serializer found");
    assertThatThrownBy(() -> JsonCodec.tomodachiJsonBase().encode(new Object()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot encode java.lang.Object as JSON: No serializer found");
  }
}
