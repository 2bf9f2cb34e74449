package dev.vigil.http;

import static dev.vigil.http.RequestMatcher.anyRequest;
import static dev.vigil.http.RequestMatcher.get;
import static dev.vigil.http.RequestMatcher.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RequestMatcherTest {
  private final RecordedRequest payment =
      Requests.of(
          "POST",
          "/payments/p-1?attempt=2",
          "{\"order_id\":\"ord-1\",\"amount\":99.990,\"items\":[{\"sku\":\"s-1\"}]}",
          "Content-Type",
          "application/json",
          "X-Signature",
          "sha256=abc");

  @Test
  void matches_method_path_headers_query_and_json_fields_together() {
    RequestMatcher matcher =
        post("/payments/{id}")
            .withHeader("content-type", "application/json")
            .withHeaderPresent("X-Signature")
            .withHeaderMatching("X-Signature", Pattern.compile("sha256=[a-f0-9]+"))
            .withQueryParameter("attempt", "2")
            .withJsonField("order_id", "ord-1")
            .withJsonField("/amount", 99.99)
            .withJsonField("items[0].sku", "s-1")
            .withBodyContaining("ord-1");

    RecordedRequest matched = matcher.match(payment);

    assertThat(matched).isNotNull();
    assertThat(matched.pathVariable("id")).isEqualTo("p-1");
  }

  @Test
  void lists_each_condition_a_request_fails() {
    RequestMatcher matcher =
        get("/orders/{id}")
            .withHeader("Content-Type", "text/plain")
            .withQueryParameter("attempt", "1")
            .withJsonField("order_id", "ord-2")
            .withJsonField("missing.field", 1);

    assertThat(matcher.match(payment)).isNull();
    assertThat(matcher.mismatches(payment))
        .containsExactly(
            "method was POST, expected GET",
            "path was /payments/p-1, expected /orders/{id}",
            "header Content-Type was \"application/json\"",
            "query attempt was \"2\"",
            "json order_id was \"ord-1\", expected \"ord-2\"",
            "json missing.field is missing");
  }

  @Test
  void describes_itself_for_failure_messages() {
    assertThat(post("/hook").withHeader("X-A", "1").withJsonField("status", "paid"))
        .hasToString("POST /hook, header X-A = \"1\", json status = \"paid\"");
    assertThat(anyRequest()).hasToString("any path");
    assertThat(RequestMatcher.pathMatching(Pattern.compile("/v[0-9]+/hook")))
        .hasToString("~/v[0-9]+/hook");
  }

  @Test
  void a_regex_path_captures_its_groups_by_number() {
    RecordedRequest matched =
        RequestMatcher.pathMatching(Pattern.compile("/payments/(p-\\d+)")).match(payment);
    assertThat(matched).isNotNull();
    assertThat(matched.pathVariable("1")).isEqualTo("p-1");
  }

  @Test
  void a_predicate_that_throws_does_not_match_and_says_why() {
    RequestMatcher matcher =
        anyRequest()
            .matching(
                "amount above 100",
                r -> {
                  throw new IllegalStateException("no amount");
                });
    assertThat(matcher.mismatches(payment))
        .containsExactly("not amount above 100 (java.lang.IllegalStateException: no amount)");
  }

  @Test
  void asking_for_a_variable_the_template_did_not_capture_names_those_it_did() {
    RecordedRequest matched = post("/payments/{id}").match(payment);
    assertThat(matched).isNotNull();
    assertThatThrownBy(() -> matched.pathVariable("order"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "name must be a variable of the path template that matched, was 'order'; captured: [id]");
  }

  @Test
  void rejects_bad_arguments_naming_them() {
    assertThatThrownBy(() -> RequestMatcher.path("hook"))
        .hasMessage("path must start with '/', was 'hook'");
    assertThatThrownBy(() -> RequestMatcher.path("/a/{id}/{id}"))
        .hasMessage("path must name each variable once, was '/a/{id}/{id}' with 'id' twice");
    assertThatThrownBy(() -> RequestMatcher.path("/a/{b"))
        .hasMessage("path must use '{name}' for a variable, with no '/' inside, was '/a/{b'");
    assertThatThrownBy(() -> anyRequest().withHeader(" ", "x"))
        .hasMessage("name must not be blank, was ' '");
    assertThatThrownBy(() -> anyRequest().withMethod(""))
        .hasMessage("method must not be blank, was ''");
    assertThatThrownBy(() -> anyRequest().withJsonField("", 1))
        .hasMessage("path must not be blank, was ''");
  }
}
