package dev.vigil.bus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import dev.vigil.bus.Bus;
import dev.vigil.bus.EmbeddedBus;
import dev.vigil.bus.Message;
import dev.vigil.bus.QueuedMessage;
import dev.vigil.bus.Subscription;
import dev.vigil.bus.Subscription.FilterPolicyScope;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Filter policies in the MessageBody scope, and both scopes as the bus applies them. */
class FilterPolicyBodyTest {
  private static final FilterPolicyScope BODY = FilterPolicyScope.MESSAGE_BODY;

  private static boolean matchesBody(String policy, String body) {
    return FilterPolicy.parse(policy, BODY).matchesBody(body);
  }

  @Nested
  class Body_values {
    @Test
    void nested_keys_reach_into_nested_objects() {
      String policy = "{\"order\":{\"customer\":{\"region\":[\"eu\"]}}}";

      assertThat(matchesBody(policy, "{\"order\":{\"customer\":{\"region\":\"eu\"}}}")).isTrue();
      assertThat(matchesBody(policy, "{\"order\":{\"customer\":{\"region\":\"us\"}}}")).isFalse();
      assertThat(matchesBody(policy, "{\"region\":\"eu\"}")).isFalse();
    }

    @Test
    void a_path_crosses_arrays_of_objects() {
      String policy = "{\"lines\":{\"sku\":[{\"prefix\":\"book-\"}]}}";

      assertThat(matchesBody(policy, "{\"lines\":[{\"sku\":\"pen-1\"},{\"sku\":\"book-7\"}]}"))
          .isTrue();
      assertThat(matchesBody(policy, "{\"lines\":[{\"sku\":\"pen-1\"}]}")).isFalse();
    }

    @Test
    void strings_and_numbers_in_a_body_keep_their_json_type() {
      assertThat(matchesBody("{\"n\":[5]}", "{\"n\":5.0}")).isTrue();
      assertThat(matchesBody("{\"n\":[5]}", "{\"n\":\"5\"}")).isFalse();
      assertThat(matchesBody("{\"n\":[\"5\"]}", "{\"n\":5}")).isFalse();
    }

    @Test
    void booleans_and_null_match_their_json_literals() {
      assertThat(matchesBody("{\"paid\":[true]}", "{\"paid\":true}")).isTrue();
      assertThat(matchesBody("{\"paid\":[true]}", "{\"paid\":\"true\"}")).isFalse();
      assertThat(matchesBody("{\"coupon\":[null]}", "{\"coupon\":null}")).isTrue();
    }

    @Test
    void exists_looks_at_leaf_values_only() {
      assertThat(matchesBody("{\"a\":[{\"exists\":true}]}", "{\"a\":{\"b\":1}}")).isFalse();
      assertThat(matchesBody("{\"a\":[{\"exists\":true}]}", "{\"a\":null}")).isFalse();
      assertThat(matchesBody("{\"a\":[{\"exists\":false}]}", "{\"a\":[],\"b\":1}")).isTrue();
    }

    @Test
    void a_body_that_is_not_a_json_object_matches_nothing() {
      String policy = "{\"a\":[{\"exists\":false}]}";

      assertThat(matchesBody(policy, "plain text")).isFalse();
      assertThat(matchesBody(policy, "[1,2]")).isFalse();
      assertThat(matchesBody(policy, "")).isFalse();
    }

    @Test
    void or_works_inside_a_nested_object() {
      String policy =
          "{\"order\":{\"$or\":[{\"total\":[{\"numeric\":[\">\",100]}]},{\"vip\":[true]}]}}";

      assertThat(matchesBody(policy, "{\"order\":{\"total\":150}}")).isTrue();
      assertThat(matchesBody(policy, "{\"order\":{\"total\":50,\"vip\":true}}")).isTrue();
      assertThat(matchesBody(policy, "{\"order\":{\"total\":50}}")).isFalse();
    }
  }

  @Nested
  class Scope_rules {
    @Test
    void an_attribute_policy_rejects_nested_keys_and_names_the_scope_that_allows_them() {
      assertThatThrownBy(() -> FilterPolicy.parse("{\"a\":{\"b\":[\"x\"]}}"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "filter policy key 'a': nested keys need the MessageBody filter policy scope, got"
                  + " {\"b\":[\"x\"]}");
    }

    @Test
    void a_body_policy_names_the_nested_path_of_a_bad_key() {
      assertThatThrownBy(() -> FilterPolicy.parse("{\"a\":{\"b\":[{\"prefix\":1}]}}", BODY))
          .hasMessage("filter policy key 'a.b': prefix expects a string in {\"prefix\":1}");
    }

    @Test
    void only_leaf_keys_count_toward_the_five_key_limit() {
      String policy = "{\"a\":{\"b\":[1],\"c\":[1],\"d\":[1]},\"e\":{\"f\":[1],\"g\":[1]}}";

      assertThat(FilterPolicy.parse(policy, BODY).matchesBody("{\"a\":{\"b\":1}}")).isFalse();
      assertThatThrownBy(
              () -> FilterPolicy.parse(policy.replace("\"g\":[1]", "\"g\":[1],\"h\":[1]"), BODY))
          .hasMessageStartingWith("filter policy has 6 keys, SNS allows at most 5: ");
    }

    @Test
    void each_scope_looks_only_at_its_own_part_of_the_message() {
      Message message = Message.of("{\"region\":\"eu\"}").withAttribute("region", "us");

      assertThat(FilterPolicy.parse("{\"region\":[\"eu\"]}", BODY).matches(message)).isTrue();
      assertThat(FilterPolicy.parse("{\"region\":[\"eu\"]}").matches(message)).isFalse();
      assertThat(FilterPolicy.parse("{\"region\":[\"eu\"]}", BODY).matches(Map.of("region", "eu")))
          .isFalse();
    }
  }

  @Nested
  class On_the_bus {
    @AutoClose private final Vigil vigil = Vigil.withVirtualTime();
    @AutoClose private final EmbeddedBus bus = EmbeddedBus.create(vigil);

    private List<String> bodies(Bus on, String queue) {
      return on.peek(queue).stream().map(QueuedMessage::body).toList();
    }

    @Test
    void a_body_policy_routes_by_the_published_body_with_raw_delivery() {
      bus.subscribe(
          Subscription.of("orders", "eu")
              .withRawDelivery()
              .withFilterPolicy("{\"customer\":{\"region\":[\"eu\"]}}", BODY));

      bus.publish("orders", Message.of("{\"customer\":{\"region\":\"eu\"},\"id\":1}"));
      bus.publish("orders", Message.of("{\"customer\":{\"region\":\"us\"},\"id\":2}"));

      assertThat(bodies(bus, "eu")).containsExactly("{\"customer\":{\"region\":\"eu\"},\"id\":1}");
    }

    @Test
    void a_body_policy_looks_at_the_published_body_not_the_envelope() {
      bus.subscribe(Subscription.of("orders", "eu").withFilterPolicy("{\"id\":[1]}", BODY));

      bus.publish("orders", Message.of("{\"id\":1}"));
      bus.publish("orders", Message.of("{\"id\":2}"));

      assertThat(bodies(bus, "eu")).hasSize(1);
      assertThat(SnsEnvelope.unwrap(bodies(bus, "eu").get(0))).contains("{\"id\":1}");
    }

    @Test
    void a_namespaced_subscription_keeps_its_scope() {
      Bus tenant = bus.namespace("t1");
      tenant.subscribe(
          Subscription.of("orders", "big")
              .withRawDelivery()
              .withFilterPolicy("{\"total\":[{\"numeric\":[\">=\",100]}]}", BODY));

      tenant.publish("orders", Message.of("{\"total\":250}"));
      tenant.publish("orders", Message.of("{\"total\":20}"));

      assertThat(bodies(tenant, "big")).containsExactly("{\"total\":250}");
    }

    @Test
    void a_subscription_checks_its_policy_in_its_scope() {
      Subscription subscription = Subscription.of("orders", "q");

      assertThatThrownBy(() -> subscription.withFilterPolicy("{\"a\":{\"b\":[1]}}"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("nested keys need the MessageBody filter policy scope");
      assertThat(subscription.withFilterPolicy("{\"a\":{\"b\":[1]}}", BODY).filterPolicyScope())
          .isEqualTo(BODY);
    }
  }
}
