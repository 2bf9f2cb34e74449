package dev.vigil.bus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** SNS filter policies on message attributes, as the AWS SNS developer guide describes them. */
class FilterPolicyTest {

  private static boolean matches(String policy, Map<String, String> attributes) {
    return FilterPolicy.parse(policy).matches(attributes);
  }

  @Nested
  class Exact_values {
    @Test
    void matches_an_exact_string_case_sensitively() {
      String policy = "{\"color\":[\"red\"]}";

      assertThat(matches(policy, Map.of("color", "red"))).isTrue();
      assertThat(matches(policy, Map.of("color", "Red"))).isFalse();
      assertThat(matches(policy, Map.of("color", "reddish"))).isFalse();
    }

    @Test
    void matches_when_any_value_in_the_array_matches() {
      String policy = "{\"color\":[\"red\",\"blue\"]}";

      assertThat(matches(policy, Map.of("color", "red"))).isTrue();
      assertThat(matches(policy, Map.of("color", "blue"))).isTrue();
      assertThat(matches(policy, Map.of("color", "green"))).isFalse();
    }

    @Test
    void matches_an_exact_number_numerically() {
      String policy = "{\"price\":[100]}";

      assertThat(matches(policy, Map.of("price", "100"))).isTrue();
      assertThat(matches(policy, Map.of("price", "100.0"))).isTrue();
      assertThat(matches(policy, Map.of("price", "1e2"))).isTrue();
      assertThat(matches(policy, Map.of("price", "100.5"))).isFalse();
      assertThat(matches(policy, Map.of("price", "a hundred"))).isFalse();
    }

    @Test
    void a_number_written_with_an_exponent_matches_its_plain_form() {
      assertThat(matches("{\"price\":[3.015e2]}", Map.of("price", "301.5"))).isTrue();
    }

    @Test
    void a_quoted_number_in_the_policy_is_compared_as_text() {
      assertThat(matches("{\"price\":[\"100\"]}", Map.of("price", "100"))).isTrue();
      assertThat(matches("{\"price\":[\"100\"]}", Map.of("price", "100.0"))).isFalse();
    }

    @Test
    void null_matches_only_a_null_element_of_an_array_attribute() {
      String policy = "{\"color\":[null]}";

      assertThat(matches(policy, Map.of("color", "[\"red\",null]"))).isTrue();
      assertThat(matches(policy, Map.of("color", "null"))).isFalse();
      assertThat(matches(policy, Map.of("color", "red"))).isFalse();
      assertThat(matches(policy, Map.of("other", "x"))).isFalse();
    }

    @Test
    void true_and_false_match_only_those_elements_of_an_array_attribute() {
      assertThat(matches("{\"flags\":[true]}", Map.of("flags", "[false, true]"))).isTrue();
      assertThat(matches("{\"flags\":[true]}", Map.of("flags", "true"))).isFalse();
    }
  }

  @Nested
  class String_arrays {
    @Test
    void matches_when_any_element_of_an_array_attribute_matches() {
      String policy = "{\"interests\":[\"rugby\",\"tennis\"]}";

      assertThat(matches(policy, Map.of("interests", "[\"baseball\",\"tennis\"]"))).isTrue();
      assertThat(matches(policy, Map.of("interests", "[\"baseball\"]"))).isFalse();
      assertThat(matches(policy, Map.of("interests", "[]"))).isFalse();
    }

    @Test
    void numeric_elements_of_an_array_attribute_match_numbers() {
      assertThat(matches("{\"sizes\":[{\"numeric\":[\">\",10]}]}", Map.of("sizes", "[1, 20]")))
          .isTrue();
      assertThat(matches("{\"sizes\":[5]}", Map.of("sizes", "[1, 5.0]"))).isTrue();
    }

    @Test
    void text_that_starts_like_an_array_but_is_not_json_is_one_value() {
      assertThat(matches("{\"note\":[\"[draft\"]}", Map.of("note", "[draft"))).isTrue();
    }
  }

  @Nested
  class Prefix_suffix_and_case {
    @Test
    void prefix_matches_values_that_start_with_it() {
      String policy = "{\"region\":[{\"prefix\":\"us-\"}]}";

      assertThat(matches(policy, Map.of("region", "us-east-1"))).isTrue();
      assertThat(matches(policy, Map.of("region", "eu-us-1"))).isFalse();
      assertThat(matches(policy, Map.of("region", "US-east-1"))).isFalse();
    }

    @Test
    void suffix_matches_values_that_end_with_it() {
      String policy = "{\"file\":[{\"suffix\":\".png\"}]}";

      assertThat(matches(policy, Map.of("file", "cat.png"))).isTrue();
      assertThat(matches(policy, Map.of("file", "cat.png.txt"))).isFalse();
    }

    @Test
    void equals_ignore_case_matches_regardless_of_case() {
      String policy = "{\"name\":[{\"equals-ignore-case\":\"Alice\"}]}";

      assertThat(matches(policy, Map.of("name", "ALICE"))).isTrue();
      assertThat(matches(policy, Map.of("name", "alice"))).isTrue();
      assertThat(matches(policy, Map.of("name", "alicia"))).isFalse();
    }
  }

  @Nested
  class Anything_but {
    @Test
    void anything_but_a_string_matches_every_other_value() {
      String policy = "{\"size\":[{\"anything-but\":\"small\"}]}";

      assertThat(matches(policy, Map.of("size", "large"))).isTrue();
      assertThat(matches(policy, Map.of("size", "small"))).isFalse();
    }

    @Test
    void anything_but_a_list_matches_values_outside_it() {
      String policy = "{\"size\":[{\"anything-but\":[\"small\",\"medium\"]}]}";

      assertThat(matches(policy, Map.of("size", "large"))).isTrue();
      assertThat(matches(policy, Map.of("size", "small"))).isFalse();
      assertThat(matches(policy, Map.of("size", "medium"))).isFalse();
    }

    @Test
    void anything_but_numbers_compares_numerically() {
      String policy = "{\"price\":[{\"anything-but\":[100,500]}]}";

      assertThat(matches(policy, Map.of("price", "101"))).isTrue();
      assertThat(matches(policy, Map.of("price", "100.0"))).isFalse();
      assertThat(matches(policy, Map.of("price", "5e2"))).isFalse();
      assertThat(matches("{\"price\":[{\"anything-but\":5}]}", Map.of("price", "6"))).isTrue();
    }

    @Test
    void anything_but_a_prefix_matches_values_not_starting_with_it() {
      String policy = "{\"event\":[{\"anything-but\":{\"prefix\":\"order-\"}}]}";

      assertThat(matches(policy, Map.of("event", "payment-made"))).isTrue();
      assertThat(matches(policy, Map.of("event", "order-placed"))).isFalse();
    }

    @Test
    void anything_but_needs_the_attribute_present() {
      String policy = "{\"size\":[{\"anything-but\":\"small\"}]}";

      assertThat(matches(policy, Map.of("other", "x"))).isFalse();
    }

    @Test
    void anything_but_combined_with_exists_false_also_matches_an_absent_attribute() {
      String policy = "{\"size\":[{\"anything-but\":\"small\"},{\"exists\":false}]}";

      assertThat(matches(policy, Map.of("other", "x"))).isTrue();
      assertThat(matches(policy, Map.of("size", "large"))).isTrue();
      assertThat(matches(policy, Map.of("size", "small"))).isFalse();
    }

    @Test
    void anything_but_matches_an_array_attribute_with_any_element_outside_the_list() {
      String policy = "{\"interests\":[{\"anything-but\":[\"rugby\",\"tennis\"]}]}";

      assertThat(matches(policy, Map.of("interests", "[\"rugby\",\"baseball\"]"))).isTrue();
      assertThat(matches(policy, Map.of("interests", "[\"rugby\",\"tennis\"]"))).isFalse();
    }
  }

  @Nested
  class Exists {
    @Test
    void exists_true_matches_when_the_attribute_is_present() {
      String policy = "{\"store\":[{\"exists\":true}]}";

      assertThat(matches(policy, Map.of("store", "fans"))).isTrue();
      assertThat(matches(policy, Map.of("other", "x"))).isFalse();
      assertThat(matches(policy, Map.of())).isFalse();
    }

    @Test
    void exists_false_matches_when_the_attribute_is_absent() {
      String policy = "{\"store\":[{\"exists\":false}]}";

      assertThat(matches(policy, Map.of("other", "x"))).isTrue();
      assertThat(matches(policy, Map.of("store", "fans"))).isFalse();
    }

    @Test
    void exists_false_does_not_match_a_message_without_attributes() {
      assertThat(matches("{\"store\":[{\"exists\":false}]}", Map.of())).isFalse();
    }

    @Test
    void an_absent_attribute_matches_no_value_condition() {
      assertThat(matches("{\"color\":[\"red\",{\"prefix\":\"\"}]}", Map.of("size", "big")))
          .isFalse();
    }
  }

  @Nested
  class Numeric {
    @Test
    void numeric_equals_matches_the_same_number_in_any_notation() {
      String policy = "{\"price\":[{\"numeric\":[\"=\",301.5]}]}";

      assertThat(matches(policy, Map.of("price", "301.5"))).isTrue();
      assertThat(matches(policy, Map.of("price", "3.015e2"))).isTrue();
      assertThat(matches(policy, Map.of("price", "301.50001"))).isFalse();
    }

    @Test
    void numeric_comparisons_respect_their_bounds() {
      assertThat(matches("{\"n\":[{\"numeric\":[\">\",0]}]}", Map.of("n", "0"))).isFalse();
      assertThat(matches("{\"n\":[{\"numeric\":[\">\",0]}]}", Map.of("n", "0.1"))).isTrue();
      assertThat(matches("{\"n\":[{\"numeric\":[\">=\",0]}]}", Map.of("n", "0"))).isTrue();
      assertThat(matches("{\"n\":[{\"numeric\":[\"<\",0]}]}", Map.of("n", "0"))).isFalse();
      assertThat(matches("{\"n\":[{\"numeric\":[\"<\",0]}]}", Map.of("n", "-1"))).isTrue();
      assertThat(matches("{\"n\":[{\"numeric\":[\"<=\",0]}]}", Map.of("n", "0"))).isTrue();
      assertThat(matches("{\"n\":[{\"numeric\":[\"<=\",0]}]}", Map.of("n", "1"))).isFalse();
    }

    @Test
    void a_numeric_range_matches_between_its_bounds() {
      String policy = "{\"price\":[{\"numeric\":[\">\",0,\"<=\",150]}]}";

      assertThat(matches(policy, Map.of("price", "0"))).isFalse();
      assertThat(matches(policy, Map.of("price", "0.001"))).isTrue();
      assertThat(matches(policy, Map.of("price", "150"))).isTrue();
      assertThat(matches(policy, Map.of("price", "150.01"))).isFalse();
    }

    @Test
    void a_numeric_range_may_name_its_upper_bound_first() {
      String policy = "{\"price\":[{\"numeric\":[\"<\",10,\">=\",5]}]}";

      assertThat(matches(policy, Map.of("price", "5"))).isTrue();
      assertThat(matches(policy, Map.of("price", "10"))).isFalse();
    }

    @Test
    void a_non_numeric_value_never_matches_a_numeric_condition() {
      assertThat(matches("{\"n\":[{\"numeric\":[\">\",0]}]}", Map.of("n", "ten"))).isFalse();
      assertThat(matches("{\"n\":[{\"numeric\":[\">\",0]}]}", Map.of("n", "0x10"))).isFalse();
      assertThat(matches("{\"n\":[{\"numeric\":[\">\",0]}]}", Map.of("n", "١٢"))).isFalse();
    }
  }

  @Nested
  class And_or {
    @Test
    void every_key_must_match() {
      String policy = "{\"color\":[\"red\"],\"size\":[{\"numeric\":[\">\",10]}]}";

      assertThat(matches(policy, Map.of("color", "red", "size", "11"))).isTrue();
      assertThat(matches(policy, Map.of("color", "red", "size", "9"))).isFalse();
      assertThat(matches(policy, Map.of("color", "blue", "size", "11"))).isFalse();
      assertThat(matches(policy, Map.of("color", "red"))).isFalse();
    }

    @Test
    void different_operators_in_one_array_are_alternatives() {
      String policy = "{\"region\":[\"eu\",{\"prefix\":\"us-\"},{\"numeric\":[\"=\",7]}]}";

      assertThat(matches(policy, Map.of("region", "eu"))).isTrue();
      assertThat(matches(policy, Map.of("region", "us-west-2"))).isTrue();
      assertThat(matches(policy, Map.of("region", "7.0"))).isTrue();
      assertThat(matches(policy, Map.of("region", "ap-south-1"))).isFalse();
    }

    @Test
    void attributes_the_policy_does_not_name_are_ignored() {
      assertThat(matches("{\"color\":[\"red\"]}", Map.of("color", "red", "size", "xl"))).isTrue();
    }

    @Test
    void accept_all_matches_every_message() {
      assertThat(FilterPolicy.acceptAll().matches(Map.of())).isTrue();
      assertThat(FilterPolicy.acceptAll().matches(Map.of("a", "b"))).isTrue();
      assertThat(FilterPolicy.acceptAll()).hasToString("{}");
    }
  }

  @Nested
  class Or_operator {
    @Test
    void or_matches_when_any_branch_matches_and_ands_with_the_other_keys() {
      String policy = "{\"source\":[\"cw\"],\"$or\":[{\"metric\":[\"cpu\"]},{\"ns\":[\"ec2\"]}]}";

      assertThat(matches(policy, Map.of("source", "cw", "metric", "cpu"))).isTrue();
      assertThat(matches(policy, Map.of("source", "cw", "ns", "ec2"))).isTrue();
      assertThat(matches(policy, Map.of("source", "cw"))).isFalse();
      assertThat(matches(policy, Map.of("metric", "cpu"))).isFalse();
    }

    @Test
    void or_with_fewer_than_two_branches_is_an_ordinary_key() {
      String policy = "{\"$or\":[\"x\"]}";

      assertThat(matches(policy, Map.of("$or", "x"))).isTrue();
    }

    @Test
    void five_keys_are_counted_on_each_way_through_an_or() {
      String fourAndOne =
          "{\"a\":[1],\"b\":[1],\"c\":[1],\"d\":[1],\"$or\":[{\"e\":[1]},{\"f\":[1]}]}";
      String fourAndTwo = fourAndOne.replace("{\"f\":[1]}", "{\"f\":[1],\"g\":[1]}");

      assertThat(FilterPolicy.parse(fourAndOne)).isNotNull();
      assertThatThrownBy(() -> FilterPolicy.parse(fourAndTwo))
          .hasMessage(
              "filter policy has 6 keys in one branch of its $or, SNS allows at most 5: "
                  + fourAndTwo);
    }

    @Test
    void combinations_are_summed_over_the_branches_of_an_or() {
      String ten = "[1,2,3,4,5,6,7,8,9,10]";
      String policy = "{\"a\":" + ten + ",\"$or\":[{\"b\":" + ten + "},{\"c\":[1,2,3,4,5,6]}]}";

      assertThatThrownBy(() -> FilterPolicy.parse(policy))
          .hasMessage(
              "filter policy has 160 combinations of values (the product of its arrays' sizes,"
                  + " summed over the branches of its $or), SNS allows at most 150: "
                  + policy);
      assertThat(FilterPolicy.parse(policy.replace("5,6]}]", "5]}]"))).isNotNull();
    }
  }

  @Nested
  class Cidr {
    @Test
    void an_ipv4_block_matches_addresses_in_it() {
      String policy = "{\"ip\":[{\"cidr\":\"192.168.4.0/22\"}]}";

      assertThat(matches(policy, Map.of("ip", "192.168.7.255"))).isTrue();
      assertThat(matches(policy, Map.of("ip", "192.168.8.0"))).isFalse();
      assertThat(matches(policy, Map.of("ip", "192.168.4.256"))).isFalse();
      assertThat(matches(policy, Map.of("ip", "localhost"))).isFalse();
    }

    @Test
    void an_ipv6_block_matches_compressed_and_full_forms() {
      String policy = "{\"ip\":[{\"cidr\":\"fd00::/8\"}]}";

      assertThat(matches(policy, Map.of("ip", "fd12:3456::1"))).isTrue();
      assertThat(matches(policy, Map.of("ip", "FD00:0:0:0:0:0:0:1"))).isTrue();
      assertThat(matches(policy, Map.of("ip", "::ffff:10.0.0.1"))).isFalse();
      assertThat(matches(policy, Map.of("ip", "fd00::1::2"))).isFalse();
    }

    @Test
    void a_zero_prefix_matches_every_address_of_its_family() {
      assertThat(matches("{\"ip\":[{\"cidr\":\"0.0.0.0/0\"}]}", Map.of("ip", "8.8.8.8"))).isTrue();
      assertThat(matches("{\"ip\":[{\"cidr\":\"0.0.0.0/0\"}]}", Map.of("ip", "::1"))).isFalse();
    }
  }

  @Test
  void to_string_is_the_policy_as_compact_json() {
    assertThat(FilterPolicy.parse("{ \"color\" : [ \"red\", { \"prefix\" : \"bl\" } ] }"))
        .hasToString("{\"color\":[\"red\",{\"prefix\":\"bl\"}]}");
  }

  @Nested
  class Bad_policies {
    private void assertRejected(String policy, String message) {
      assertThatThrownBy(() -> FilterPolicy.parse(policy))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(message);
    }

    @Test
    void unparsable_json_is_rejected_with_the_input() {
      assertThatThrownBy(() -> FilterPolicy.parse("{\"color\": [\"red\""))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("filter policy is not valid JSON: {\"color\": [\"red\" (");
    }

    @Test
    void trailing_text_and_duplicate_keys_are_rejected() {
      assertThatThrownBy(() -> FilterPolicy.parse("{\"a\":[\"x\"]} {}"))
          .hasMessageStartingWith("filter policy is not valid JSON: {\"a\":[\"x\"]} {} (");
      assertThatThrownBy(() -> FilterPolicy.parse("{\"a\":[\"x\"],\"a\":[\"y\"]}"))
          .hasMessageStartingWith("filter policy is not valid JSON: ")
          .hasMessageContaining("Duplicate field 'a'");
    }

    @Test
    void a_policy_that_is_not_an_object_is_rejected() {
      assertRejected("[\"red\"]", "filter policy must be a JSON object, got [\"red\"]");
    }

    @Test
    void a_blank_policy_is_rejected() {
      assertRejected(" ", "filter policy is not valid JSON: ' ' is blank");
    }

    @Test
    void an_empty_policy_is_rejected() {
      assertRejected("{}", "filter policy must name at least one key, got {}");
    }

    @Test
    void a_key_whose_value_is_not_an_array_is_rejected() {
      assertRejected(
          "{\"color\":\"red\"}",
          "filter policy key 'color': expected a non-empty array of values, got \"red\"");
      assertRejected(
          "{\"color\":[]}",
          "filter policy key 'color': expected a non-empty array of values, got []");
      assertRejected(
          "{\"a\":{}}", "filter policy key 'a': expected a non-empty array of values, got {}");
    }

    @Test
    void an_unknown_operator_is_rejected() {
      assertRejected(
          "{\"price\":[{\"greaterThan\":1}]}",
          "filter policy key 'price': unknown operator 'greaterThan' in {\"greaterThan\":1}");
    }

    @Test
    void an_operator_object_with_other_than_one_field_is_rejected() {
      assertRejected(
          "{\"c\":[{\"prefix\":\"a\",\"suffix\":\"b\"}]}",
          "filter policy key 'c': an operator object needs exactly one field, got"
              + " {\"prefix\":\"a\",\"suffix\":\"b\"}");
      assertRejected(
          "{\"c\":[{}]}",
          "filter policy key 'c': an operator object needs exactly one field, got {}");
    }

    @Test
    void nested_arrays_are_not_values() {
      assertRejected(
          "{\"c\":[[\"x\"]]}",
          "filter policy key 'c': unsupported value [\"x\"], expected a string, a number, true,"
              + " false, null or an operator object");
    }

    @Test
    void string_operators_need_a_string() {
      assertRejected(
          "{\"c\":[{\"prefix\":1}]}",
          "filter policy key 'c': prefix expects a string in {\"prefix\":1}");
      assertRejected(
          "{\"c\":[{\"suffix\":null}]}",
          "filter policy key 'c': suffix expects a string in {\"suffix\":null}");
      assertRejected(
          "{\"c\":[{\"equals-ignore-case\":[\"a\"]}]}",
          "filter policy key 'c': equals-ignore-case expects a string in"
              + " {\"equals-ignore-case\":[\"a\"]}");
    }

    @Test
    void cidr_needs_a_block() {
      String expected =
          "filter policy key 'ip': cidr expects an IPv4 or IPv6 block such as \"10.0.0.0/24\" or"
              + " \"2001:db8::/32\" in ";
      assertRejected("{\"ip\":[{\"cidr\":\"10.0.0.1\"}]}", expected + "{\"cidr\":\"10.0.0.1\"}");
      assertRejected(
          "{\"ip\":[{\"cidr\":\"10.0.0.0/33\"}]}", expected + "{\"cidr\":\"10.0.0.0/33\"}");
      assertRejected("{\"ip\":[{\"cidr\":\"::/129\"}]}", expected + "{\"cidr\":\"::/129\"}");
    }

    @Test
    void an_or_branch_must_name_a_key() {
      assertRejected(
          "{\"$or\":[{},{\"a\":[1]}]}",
          "filter policy key '$or': a branch names no key in [{},{\"a\":[1]}]");
    }

    @Test
    void exists_needs_a_boolean() {
      assertRejected(
          "{\"s\":[{\"exists\":\"yes\"}]}",
          "filter policy key 's': exists expects true or false in {\"exists\":\"yes\"}");
    }

    @Test
    void anything_but_needs_values_or_a_prefix() {
      String expected =
          "filter policy key 's': anything-but expects a string, a number, a non-empty array of"
              + " them, {\"prefix\": string} or {\"suffix\": string} in ";
      assertRejected("{\"s\":[{\"anything-but\":null}]}", expected + "{\"anything-but\":null}");
      assertRejected("{\"s\":[{\"anything-but\":[]}]}", expected + "{\"anything-but\":[]}");
      assertRejected(
          "{\"s\":[{\"anything-but\":[\"a\",true]}]}",
          expected + "{\"anything-but\":[\"a\",true]}");
      assertRejected(
          "{\"s\":[{\"anything-but\":{\"wildcard\":\"x*\"}}]}",
          expected + "{\"anything-but\":{\"wildcard\":\"x*\"}}");
    }

    @Test
    void numeric_needs_operator_and_number_pairs() {
      assertRejected(
          "{\"p\":[{\"numeric\":5}]}",
          "filter policy key 'p': numeric expects [operator, number] or [operator, number,"
              + " operator, number] in {\"numeric\":5}");
      assertRejected(
          "{\"p\":[{\"numeric\":[\">\",1,\"<\"]}]}",
          "filter policy key 'p': numeric expects [operator, number] or [operator, number,"
              + " operator, number] in {\"numeric\":[\">\",1,\"<\"]}");
      assertRejected(
          "{\"p\":[{\"numeric\":[\"!=\",5]}]}",
          "filter policy key 'p': unknown numeric operator \"!=\" in {\"numeric\":[\"!=\",5]}");
      assertRejected(
          "{\"p\":[{\"numeric\":[\">\",\"5\"]}]}",
          "filter policy key 'p': numeric operator '>' expects a number, got \"5\" in"
              + " {\"numeric\":[\">\",\"5\"]}");
    }

    @Test
    void a_numeric_range_needs_one_lower_and_one_upper_bound() {
      String expected =
          "filter policy key 'p': a numeric range needs one lower bound (> or >=) and one upper"
              + " bound (< or <=) in ";
      assertRejected(
          "{\"p\":[{\"numeric\":[\">\",1,\">=\",2]}]}",
          expected + "{\"numeric\":[\">\",1,\">=\",2]}");
      assertRejected(
          "{\"p\":[{\"numeric\":[\"=\",1,\"<\",2]}]}",
          expected + "{\"numeric\":[\"=\",1,\"<\",2]}");
    }

    @Test
    void an_empty_numeric_range_is_rejected() {
      assertRejected(
          "{\"p\":[{\"numeric\":[\">\",10,\"<\",5]}]}",
          "filter policy key 'p': the numeric range matches no number in"
              + " {\"numeric\":[\">\",10,\"<\",5]}");
      assertRejected(
          "{\"p\":[{\"numeric\":[\">\",5,\"<=\",5]}]}",
          "filter policy key 'p': the numeric range matches no number in"
              + " {\"numeric\":[\">\",5,\"<=\",5]}");
    }

    @Test
    void numbers_beyond_what_sns_accepts_are_rejected() {
      assertRejected(
          "{\"ts\":[{\"numeric\":[\">\",1700000000000]}]}",
          "filter policy key 'ts': number 1700000000000 is outside -1e9..1e9, the range SNS"
              + " accepts, in {\"numeric\":[\">\",1700000000000]}");
      assertRejected(
          "{\"ts\":[-2e9]}",
          "filter policy key 'ts': number -2.0E9 is outside -1e9..1e9, the range SNS accepts, in"
              + " -2.0E9");
    }

    @Test
    void more_than_five_keys_are_rejected() {
      String policy = "{\"a\":[1],\"b\":[1],\"c\":[1],\"d\":[1],\"e\":[1],\"f\":[1]}";

      assertRejected(policy, "filter policy has 6 keys, SNS allows at most 5: " + policy);
    }

    @Test
    void more_than_150_combinations_are_rejected() {
      String values = "[1,2,3,4,5,6,7,8,9,10,11,12,13]";
      String policy = "{\"a\":" + values + ",\"b\":" + values + "}";

      assertRejected(
          policy,
          "filter policy has 169 combinations of values (the product of its arrays' sizes), SNS"
              + " allows at most 150: "
              + policy);
    }
  }
}
