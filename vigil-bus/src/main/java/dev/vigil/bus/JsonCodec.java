package dev.vigil.bus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.bus.internal.SnsEnvelope;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;
import java.util.zip.InflaterInputStream;
import org.jspecify.annotations.Nullable;

/**
 * A {@link MessageCodec} for JSON bodies, using Jackson: either the payload's JSON as is, or the
 * payload inside the envelope of Python tomodachi's {@code JsonBase} protocol.
 *
 * <p>Decoding sees through an SNS notification envelope (a message delivered by a topic without raw
 * delivery), so the same codec reads what a topic and what a direct send put on a queue. Records
 * decode through their canonical constructor. Unknown JSON properties are ignored by the default
 * mapper, as a tolerant consumer does; supply a mapper to {@link #plain(ObjectMapper)} to be
 * stricter. The default mapper also registers the Jackson modules found on the class path (such as
 * {@code jackson-datatype-jsr310} for {@code java.time} types).
 *
 * @since 0.1
 */
public final class JsonCodec implements MessageCodec {
  private static final String SERVICE_NAME = "vigil";
  private static final String PROTOCOL_VERSION = "tomodachi-json-base--1.0.0";
  private static final String LEGACY_PROTOCOL_VERSION = "json_base-wip";
  private static final String COMPRESSED_ENCODING = "base64_gzip_json";

  private final ObjectMapper mapper;
  private final boolean tomodachiJsonBase;
  // tomodachi gives each service instance a uuid and prefixes every message uuid with it.
  private final String serviceUuid = UUID.randomUUID().toString();

  private JsonCodec(ObjectMapper mapper, boolean tomodachiJsonBase) {
    this.mapper = mapper;
    this.tomodachiJsonBase = tomodachiJsonBase;
  }

  /**
   * Returns a codec whose body is the payload's JSON.
   *
   * @return the codec
   */
  public static JsonCodec plain() {
    return new JsonCodec(defaultMapper(), false);
  }

  /**
   * Returns a codec whose body is the payload's JSON as written and read by {@code mapper}.
   *
   * @param mapper the configured mapper, used as is and not modified
   * @return the codec
   */
  public static JsonCodec plain(ObjectMapper mapper) {
    return new JsonCodec(Objects.requireNonNull(mapper, "mapper must not be null"), false);
  }

  /**
   * Returns a codec that puts the payload in a tomodachi {@code JsonBase} envelope ({@code
   * service}, {@code metadata}, {@code data}), for interoperating with tomodachi services.
   *
   * <p>Decoding reads {@code data}, including data that tomodachi compressed ({@code
   * "data_encoding":"base64_gzip_json"}), and fails on a body without an envelope.
   *
   * @return the codec
   */
  public static JsonCodec tomodachiJsonBase() {
    return new JsonCodec(defaultMapper(), true);
  }

  /**
   * Encodes the payload as JSON, in a tomodachi envelope if this codec is {@link
   * #tomodachiJsonBase()}.
   *
   * @param payload the payload
   * @return the body
   * @throws IllegalArgumentException when Jackson cannot serialize the payload
   */
  @Override
  public String encode(Object payload) {
    Objects.requireNonNull(payload, "payload must not be null");
    try {
      return mapper.writeValueAsString(tomodachiJsonBase ? tomodachiEnvelope(payload) : payload);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "cannot encode " + payload.getClass().getName() + " as JSON: " + reason(e), e);
    }
  }

  /**
   * Decodes the body, first unwrapping an SNS notification envelope and, if this codec is {@link
   * #tomodachiJsonBase()}, the tomodachi envelope.
   *
   * @param body the body
   * @param type the payload type
   * @param <T> the payload type
   * @return the payload
   * @throws UndecodableMessageException when the body is not JSON of {@code type}, is JSON {@code
   *     null}, or lacks the tomodachi envelope this codec expects
   */
  @Override
  public <T> T decode(String body, Class<T> type) {
    Objects.requireNonNull(body, "body must not be null");
    Objects.requireNonNull(type, "type must not be null");
    String json = SnsEnvelope.unwrap(body).orElse(body);
    T payload;
    try {
      payload =
          tomodachiJsonBase
              ? mapper.treeToValue(data(json, body, type), type)
              : mapper.readValue(json, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new UndecodableMessageException(body, type, reason(e), e);
    }
    if (payload == null) {
      throw new UndecodableMessageException(body, type, "the payload is JSON null", null);
    }
    return payload;
  }

  @Override
  public String toString() {
    return tomodachiJsonBase ? "JsonCodec.tomodachiJsonBase()" : "JsonCodec.plain()";
  }

  private static ObjectMapper defaultMapper() {
    return new ObjectMapper()
        .findAndRegisterModules()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  private ObjectNode tomodachiEnvelope(Object payload) {
    ObjectNode envelope = mapper.createObjectNode();
    envelope.putObject("service").put("name", SERVICE_NAME).put("uuid", serviceUuid);
    ObjectNode metadata = envelope.putObject("metadata");
    metadata.put("message_uuid", serviceUuid + "." + UUID.randomUUID());
    metadata.put("protocol_version", PROTOCOL_VERSION);
    metadata.putArray("compatible_protocol_versions").add(LEGACY_PROTOCOL_VERSION);
    metadata.put("timestamp", epochSeconds(Instant.now()));
    // The codec does not know the topic it is published on; tomodachi readers ignore this field.
    metadata.put("topic", "");
    metadata.put("data_encoding", "raw");
    envelope.set("data", mapper.valueToTree(payload));
    return envelope;
  }

  /** Python's {@code time.time()}: seconds since the epoch, with the fraction. */
  private static double epochSeconds(Instant instant) {
    return instant.getEpochSecond() + instant.getNano() / 1e9;
  }

  /**
   * Returns the {@code data} of a tomodachi envelope, decompressed when tomodachi compressed it.
   */
  private JsonNode data(String json, String body, Class<?> type) throws JsonProcessingException {
    JsonNode envelope = mapper.readTree(json);
    @Nullable JsonNode data = envelope.isObject() ? envelope.get("data") : null;
    if (data == null) {
      throw new UndecodableMessageException(
          body, type, "not a tomodachi envelope: no \"data\" field", null);
    }
    boolean compressed =
        COMPRESSED_ENCODING.equals(envelope.path("metadata").path("data_encoding").asText());
    return compressed ? decompress(data, body, type) : data;
  }

  private JsonNode decompress(JsonNode data, String body, Class<?> type) {
    try (InputStream json =
        new InflaterInputStream(
            new ByteArrayInputStream(Base64.getDecoder().decode(data.asText())))) {
      return mapper.readTree(json);
    } catch (IOException | IllegalArgumentException e) {
      throw new UndecodableMessageException(
          body,
          type,
          "data_encoding is "
              + COMPRESSED_ENCODING
              + " but data is not base64 zlib-compressed JSON ("
              + reason(e)
              + ")",
          e);
    }
  }

  /** Jackson's message without its source location, which would repeat the body. */
  private static String reason(Exception e) {
    @Nullable String message =
        e instanceof JsonProcessingException jackson
            ? jackson.getOriginalMessage()
            : e.getMessage();
    return message != null ? message : e.getClass().getName();
  }
}
