package dev.vigil.assertj;

import dev.vigil.assertj.internal.RequestTexts;
import dev.vigil.assertj.internal.Texts;
import dev.vigil.http.RecordedRequest;
import dev.vigil.http.RequestMatcher;
import dev.vigil.http.WebhookServer;
import java.util.List;
import java.util.Objects;

/**
 * Assertions on the requests a {@link WebhookServer} (or one of its namespaces) has received; a
 * failure lists every request received. {@link #eventually()} waits on the server's context, woken
 * the moment a request is recorded.
 *
 * <pre>{@code
 * assertThat(webhooks).eventually().within(Duration.ofSeconds(15))
 *     .hasReceived(post("/payment-complete").withJsonField("order_id", "ord-1"), 2);
 * assertThat(webhooks).hasNotReceived(post("/refund"));
 * }</pre>
 *
 * <p>To look closer at one request, take it from the server ({@code awaitRequest}) and use {@link
 * VigilAssertions#assertThat(RecordedRequest)}.
 *
 * @param <SELF> the type of the assertion itself, for chaining
 * @since 0.1
 */
public abstract class AbstractWebhookServerAssert<SELF extends AbstractWebhookServerAssert<SELF>>
    extends AbstractLiveAssert<SELF, WebhookServer> {

  /**
   * Creates the assertion.
   *
   * @param actual the server
   * @param selfType the class of the assertion itself
   */
  protected AbstractWebhookServerAssert(WebhookServer actual, Class<?> selfType) {
    super(actual, selfType, actual == null ? null : actual.vigil());
  }

  /**
   * Verifies that at least one request received matches.
   *
   * @param matcher which requests
   * @return this assertion
   */
  public SELF hasReceived(RequestMatcher matcher) {
    Objects.requireNonNull(matcher, "matcher must not be null");
    return check(
        "to have received a request " + matcher,
        () -> {
          isNotNull();
          if (actual.requests(matcher).isEmpty()) {
            failWithText(RequestTexts.noneReceived(subject(), actual.requests(), matcher));
          }
        });
  }

  /**
   * Verifies that exactly {@code times} requests received match.
   *
   * @param matcher which requests
   * @param times how many; not negative
   * @return this assertion
   */
  public SELF hasReceived(RequestMatcher matcher, int times) {
    Objects.requireNonNull(matcher, "matcher must not be null");
    if (times < 0) {
      throw new IllegalArgumentException("times must not be negative, was " + times);
    }
    return check(
        "to have received " + Texts.count(times, "request") + " " + matcher,
        () -> {
          isNotNull();
          List<RecordedRequest> matched = actual.requests(matcher);
          if (matched.size() != times) {
            failWithText(
                RequestTexts.receivedTimes(subject(), actual.requests(), matcher, times, matched));
          }
        });
  }

  /**
   * Verifies that no request received matches. Waiting makes no sense here (it would pass at once):
   * to watch a window for a request that must not come, use {@link WebhookServer#expectNoRequest}.
   *
   * @param matcher which requests must not have come
   * @return this assertion
   */
  public SELF hasNotReceived(RequestMatcher matcher) {
    Objects.requireNonNull(matcher, "matcher must not be null");
    return check(
        "to have received no request " + matcher,
        () -> {
          isNotNull();
          List<RecordedRequest> matched = actual.requests(matcher);
          if (!matched.isEmpty()) {
            failWithText(RequestTexts.unexpected(subject(), actual.requests(), matcher, matched));
          }
        });
  }

  @Override
  protected String subject() {
    return String.valueOf(actual);
  }

  @Override
  protected String withoutContext() {
    return "eventually() needs the server's context, and this server has none";
  }
}
