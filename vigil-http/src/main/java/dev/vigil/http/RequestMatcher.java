package dev.vigil.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Which requests a wait or a route is about: method, path (exact, template with captures, or
 * regular expression), headers, query parameters, JSON fields and anything else as a predicate.
 * Immutable; each {@code withX} returns a copy with one more condition, and all conditions must
 * hold. When a wait times out, the server tells, for the requests that came closest, which
 * conditions failed.
 *
 * <pre>{@code
 * RequestMatcher paid = RequestMatcher.post("/payments/{id}")
 *     .withHeader("Content-Type", "application/json")
 *     .withJsonField("status", "completed");
 * RecordedRequest call = server.awaitRequest(paid);
 * String paymentId = call.pathVariable("id");
 * }</pre>
 *
 * @since 0.1
 */
public final class RequestMatcher {
  private static final RequestMatcher ANY = new RequestMatcher(null, null, List.of());

  private final @Nullable String method;
  private final @Nullable PathPattern path;
  private final List<Condition> conditions;

  /** One condition: what it requires, and why a request fails it ({@code null} when it holds). */
  private record Condition(String description, Function<RecordedRequest, @Nullable String> check) {}

  private RequestMatcher(
      @Nullable String method, @Nullable PathPattern path, List<Condition> conditions) {
    this.method = method;
    this.path = path;
    this.conditions = conditions;
  }

  /**
   * Returns a matcher that every request satisfies.
   *
   * @return the matcher
   */
  public static RequestMatcher anyRequest() {
    return ANY;
  }

  /**
   * Returns a matcher of any method on {@code path}: exact, or a template such as {@code
   * /orders/{id}} whose variables the matched request returns from {@link
   * RecordedRequest#pathVariable(String)}.
   *
   * @param path the path, starting with {@code /}, without query
   * @return the matcher
   */
  public static RequestMatcher path(String path) {
    Objects.requireNonNull(path, "path must not be null");
    return new RequestMatcher(null, PathPattern.of(path), List.of());
  }

  /**
   * Returns a matcher of paths that match {@code regex} in full; its groups are captured as path
   * variables {@code "1"}, {@code "2"}…
   *
   * @param regex the expression
   * @return the matcher
   */
  public static RequestMatcher pathMatching(Pattern regex) {
    Objects.requireNonNull(regex, "regex must not be null");
    return new RequestMatcher(null, PathPattern.regex(regex), List.of());
  }

  /**
   * Returns a matcher of {@code method} on {@code path} (see {@link #path(String)}).
   *
   * @param method such as {@code POST}, compared without case
   * @param path the path or template
   * @return the matcher
   */
  public static RequestMatcher request(String method, String path) {
    return path(path).withMethod(method);
  }

  /**
   * Returns a matcher of {@code GET} on {@code path}.
   *
   * @param path the path or template
   * @return the matcher
   */
  public static RequestMatcher get(String path) {
    return request("GET", path);
  }

  /**
   * Returns a matcher of {@code POST} on {@code path}.
   *
   * @param path the path or template
   * @return the matcher
   */
  public static RequestMatcher post(String path) {
    return request("POST", path);
  }

  /**
   * Returns a matcher of {@code PUT} on {@code path}.
   *
   * @param path the path or template
   * @return the matcher
   */
  public static RequestMatcher put(String path) {
    return request("PUT", path);
  }

  /**
   * Returns a matcher of {@code DELETE} on {@code path}.
   *
   * @param path the path or template
   * @return the matcher
   */
  public static RequestMatcher delete(String path) {
    return request("DELETE", path);
  }

  /**
   * Requires the method, replacing any method required before.
   *
   * @param method such as {@code POST}, compared without case
   * @return a copy with the condition
   */
  public RequestMatcher withMethod(String method) {
    Objects.requireNonNull(method, "method must not be null");
    if (method.isBlank()) {
      throw new IllegalArgumentException("method must not be blank, was '" + method + "'");
    }
    return new RequestMatcher(method.toUpperCase(Locale.ROOT), path, conditions);
  }

  /**
   * Requires a header with exactly {@code value} (any of its values, if sent more than once).
   *
   * @param name the header's name, compared without case
   * @param value the value
   * @return a copy with the condition
   */
  public RequestMatcher withHeader(String name, String value) {
    Objects.requireNonNull(value, "value must not be null");
    return withHeaderWhere(name, "= \"" + value + "\"", value::equals);
  }

  /**
   * Requires a header whose value matches {@code regex} in full.
   *
   * @param name the header's name, compared without case
   * @param regex the expression
   * @return a copy with the condition
   */
  public RequestMatcher withHeaderMatching(String name, Pattern regex) {
    Objects.requireNonNull(regex, "regex must not be null");
    return withHeaderWhere(name, "~ " + regex.pattern(), v -> regex.matcher(v).matches());
  }

  /**
   * Requires a header to be present, whatever its value.
   *
   * @param name the header's name, compared without case
   * @return a copy with the condition
   */
  public RequestMatcher withHeaderPresent(String name) {
    return withHeaderWhere(name, "present", v -> true);
  }

  private RequestMatcher withHeaderWhere(
      String name, String expectation, Predicate<String> accepts) {
    requireName("name", name);
    return with(
        "header " + name + " " + expectation,
        r -> {
          List<String> values = r.headers().get(name);
          if (values == null || values.isEmpty()) {
            return "header " + name + " missing";
          }
          return values.stream().anyMatch(accepts)
              ? null
              : "header " + name + " was " + quoted(values);
        });
  }

  /**
   * Requires a query parameter with {@code value} (decoded).
   *
   * @param name the parameter's name
   * @param value the value
   * @return a copy with the condition
   */
  public RequestMatcher withQueryParameter(String name, String value) {
    requireName("name", name);
    Objects.requireNonNull(value, "value must not be null");
    return with(
        "query " + name + " = \"" + value + "\"",
        r -> {
          List<String> values = r.queryParameters().get(name);
          if (values == null) {
            return "query " + name + " missing";
          }
          return values.contains(value) ? null : "query " + name + " was " + quoted(values);
        });
  }

  /**
   * Requires a JSON body whose field at {@code path} equals {@code expected}; numbers compare by
   * value.
   *
   * @param path a JSON pointer ({@code /order/id}) or a dotted path ({@code order.id}, {@code
   *     items[0].sku})
   * @param expected the value: a string, number, boolean, {@code null}, map, list or record
   * @return a copy with the condition
   */
  public RequestMatcher withJsonField(String path, @Nullable Object expected) {
    JsonFieldCheck check = new JsonFieldCheck(path, expected);
    return with(check.toString(), check::mismatch);
  }

  /**
   * Requires the body, decoded as text, to contain {@code text}.
   *
   * @param text the text
   * @return a copy with the condition
   */
  public RequestMatcher withBodyContaining(String text) {
    Objects.requireNonNull(text, "text must not be null");
    return with(
        "body containing \"" + text + "\"",
        r -> {
          try {
            return r.bodyAsText().contains(text) ? null : "body did not contain \"" + text + "\"";
          } catch (BodyDecodingException e) {
            return "body is not text";
          }
        });
  }

  /**
   * Requires the correlation id ({@code correlation-id} header or {@code traceparent}).
   *
   * @param correlationId the id
   * @return a copy with the condition
   */
  public RequestMatcher withCorrelationId(String correlationId) {
    requireName("correlationId", correlationId);
    return with(
        "correlation id " + correlationId,
        r ->
            r.correlationId().map(correlationId::equals).orElse(false)
                ? null
                : "correlation id was " + r.correlationId().orElse("(none)"));
  }

  /**
   * Requires a valid signature; a request that fails is explained in a timeout's listing by what
   * {@link WebhookSignature#verify} would say in one line.
   *
   * @param signature how the sender signs
   * @return a copy with the condition
   */
  public RequestMatcher signedWith(WebhookSignature signature) {
    Objects.requireNonNull(signature, "signature must not be null");
    return with(
        "signed with " + signature,
        // matches() costs one HMAC; the explanation tries a dozen variants, so only on failure.
        r -> signature.matches(r) ? null : signature.mismatch(r).orElse("signature mismatch"));
  }

  /**
   * Requires anything else, described for failure messages.
   *
   * @param description what the predicate requires, such as {@code "amount above 100"}
   * @param predicate the condition; an exception it throws counts as not matching
   * @return a copy with the condition
   */
  public RequestMatcher matching(String description, Predicate<RecordedRequest> predicate) {
    requireName("description", description);
    Objects.requireNonNull(predicate, "predicate must not be null");
    return with(
        description,
        r -> {
          try {
            return predicate.test(r) ? null : "not " + description;
          } catch (RuntimeException e) {
            return "not " + description + " (" + e + ")";
          }
        });
  }

  /** Returns the request with its captured path variables if it matches, else {@code null}. */
  @Nullable RecordedRequest match(RecordedRequest request) {
    if (method != null && !method.equalsIgnoreCase(request.method())) {
      return null;
    }
    Map<String, String> captured = path == null ? Map.of() : path.match(request.path());
    if (captured == null) {
      return null;
    }
    for (Condition condition : conditions) {
      if (condition.check().apply(request) != null) {
        return null;
      }
    }
    return captured.isEmpty() ? request : request.withPathVariables(captured);
  }

  /** Returns why {@code request} does not match, one entry per failed condition. */
  List<String> mismatches(RecordedRequest request) {
    List<String> reasons = new ArrayList<>();
    if (method != null && !method.equalsIgnoreCase(request.method())) {
      reasons.add("method was " + request.method() + ", expected " + method);
    }
    if (path != null && path.match(request.path()) == null) {
      reasons.add("path was " + request.path() + ", expected " + path);
    }
    for (Condition condition : conditions) {
      String reason = condition.check().apply(request);
      if (reason != null) {
        reasons.add(reason);
      }
    }
    return reasons;
  }

  /** Returns the number of conditions, the method and the path counting as one each. */
  int conditionCount() {
    return conditions.size() + (path == null ? 0 : 1) + (method == null ? 0 : 1);
  }

  private RequestMatcher with(
      String description, Function<RecordedRequest, @Nullable String> check) {
    List<Condition> more = new ArrayList<>(conditions);
    more.add(new Condition(description, check));
    return new RequestMatcher(method, path, List.copyOf(more));
  }

  private static void requireName(String parameter, @Nullable String value) {
    Objects.requireNonNull(value, parameter + " must not be null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(parameter + " must not be blank, was '" + value + "'");
    }
  }

  private static String quoted(List<String> values) {
    return values.size() == 1 ? "\"" + values.get(0) + "\"" : values.toString();
  }

  /**
   * Describes the matcher, such as {@code POST /payments/{id}, json /status = "completed"}.
   *
   * @return the description
   */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    for (Condition condition : conditions) {
      parts.add(condition.description());
    }
    String head = (method == null ? "" : method + " ") + (path == null ? "any path" : path);
    return parts.isEmpty() ? head : head + ", " + String.join(", ", parts);
  }
}
