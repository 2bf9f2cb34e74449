package dev.vigil.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributesTest {

  @Test
  void keeps_pairs_in_the_order_given_and_reads_like_any_map() {
    Attributes attributes = Attributes.of("queue", "orders", "messageId", "m-1");

    assertThat(attributes)
        .containsExactly(Map.entry("queue", "orders"), Map.entry("messageId", "m-1"));
    assertThat(attributes.get("messageId")).isEqualTo("m-1");
    assertThat(attributes.get("missing")).isNull();
    assertThat(attributes).isEqualTo(Map.of("messageId", "m-1", "queue", "orders"));
    assertThat(attributes.hashCode())
        .isEqualTo(Map.of("messageId", "m-1", "queue", "orders").hashCode());
  }

  @Test
  void is_immutable() {
    Attributes attributes = Attributes.of("a", "1");

    assertThatThrownBy(() -> attributes.put("b", "2"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> attributes.entrySet().iterator().next().setValue("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void copying_keeps_iteration_order_and_reuses_an_attributes_instance() {
    Map<String, String> source = new LinkedHashMap<>();
    source.put("z", "1");
    source.put("a", "2");

    Attributes copy = Attributes.copyOf(source);
    source.put("later", "3");

    assertThat(copy.keySet()).containsExactly("z", "a");
    assertThat(Attributes.copyOf(copy)).isSameAs(copy);
  }

  @Test
  void rejects_odd_counts_repeated_names_and_nulls_naming_them() {
    assertThatThrownBy(() -> Attributes.of("a", "1", "b"))
        .hasMessage("namesAndValues must alternate names and values, was an odd count 3");
    assertThatThrownBy(() -> Attributes.of("a", "1", "a", "2"))
        .hasMessage("attribute 'a' is given twice");
    assertThatThrownBy(() -> Attributes.of("a", null))
        .hasMessage("attribute 'a' must not have a null value");
    Map<String, String> nullKey = new java.util.HashMap<>();
    nullKey.put(null, "x");
    assertThatThrownBy(() -> Attributes.copyOf(nullKey))
        .hasMessage("attributes must not contain a null key, were {null=x}");
  }
}
