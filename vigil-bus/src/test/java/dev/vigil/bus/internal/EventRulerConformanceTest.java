package dev.vigil.bus.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.bus.Subscription.FilterPolicyScope;
import dev.vigil.bus.internal.FilterPolicyConformanceTest.Row;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.event.ruler.Machine;

/** Evaluation only: the conformance table run against AWS's event-ruler behind a thin adapter. */
class EventRulerConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<Row> rows() throws Exception {
    return FilterPolicyConformanceTest.rows();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void event_ruler_matches_as_sns(Row row) throws Exception {
    assertThat(matches(row)).as(row.toString()).isEqualTo(row.match());
  }

  /** The bus's untyped attributes: text that reads as a number or a JSON array is sent as one. */
  @ParameterizedTest(name = "{0} {1} -> {2}")
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "{\"price\":[\"100\"]}|100|true",
        "{\"price\":[100]}|100.0|true",
        "{\"price\":[{\"anything-but\":[\"100\"]}]}|100|false",
        "{\"n\":[{\"numeric\":[\">\",0]}]}|0x10|false",
        "{\"sizes\":[5]}|[1, 5.0]|true",
        "{\"color\":[null]}|[\"red\",null]|true",
        "{\"v\":[\"2\"]}|2|true",
        "{\"n\":[{\"numeric\":[\">\",0]}]}|10000000000|true",
        "{\"n\":[{\"numeric\":[\"=\",301.5]}]}|301.500001|false"
      })
  void event_ruler_matches_untyped_bus_attributes(String policy, String text, boolean expected)
      throws Exception {
    Machine machine = new Machine();
    machine.addRule("policy", policy);
    ObjectNode event = JSON.createObjectNode();
    JsonNode parsed;
    try {
      parsed = JSON.readTree(text);
    } catch (Exception notJson) {
      parsed = null;
    }
    String key = JSON.readTree(policy).fieldNames().next();
    if (parsed != null && (parsed.isNumber() || parsed.isArray())) {
      event.set(key, parsed);
    } else {
      event.put(key, text);
    }
    assertThat(!machine.rulesForJSONEvent(event.toString()).isEmpty())
        .as(policy + " " + text)
        .isEqualTo(expected);
  }

  static boolean matches(Row row) throws Exception {
    Machine machine = new Machine();
    machine.addRule("policy", row.policy().toString());
    String event;
    if (row.scope() == FilterPolicyScope.MESSAGE_BODY) {
      JsonNode body = row.message().isTextual() ? null : row.message();
      if (body == null || !body.isObject()) {
        return false;
      }
      event = body.toString();
    } else {
      ObjectNode attributes = JSON.createObjectNode();
      row.message()
          .properties()
          .forEach(
              e -> {
                String type = e.getValue().get("Type").asText();
                String value = e.getValue().get("Value").asText();
                try {
                  if (type.startsWith("Binary")) {
                    return;
                  } else if (type.endsWith(".Array") || type.startsWith("Number")) {
                    attributes.set(e.getKey(), JSON.readTree(value));
                  } else {
                    attributes.put(e.getKey(), value);
                  }
                } catch (Exception ex) {
                  throw new IllegalStateException(ex);
                }
              });
      if (attributes.isEmpty()) {
        return false; // SNS: exists:false never matches a message without attributes
      }
      event = attributes.toString();
    }
    return !machine.rulesForJSONEvent(event).isEmpty();
  }
}
