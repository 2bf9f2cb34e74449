package dev.vigil.assertj;

import dev.vigil.Vigil;
import dev.vigil.bus.BusTestClient;
import dev.vigil.bus.QueuedMessage;
import dev.vigil.bus.ReceivedMessage;
import dev.vigil.http.RecordedRequest;
import dev.vigil.http.WebhookServer;
import dev.vigil.snapshot.Diff;
import dev.vigil.timeline.Timeline;
import dev.vigil.timeline.Trace;
import java.util.Objects;

/**
 * The entry point of Vigil's AssertJ assertions: timelines and traces, bus messages and queues,
 * captured HTTP requests and webhook servers, snapshot diffs. Import it statically beside AssertJ's
 * {@code Assertions}; the overloads take Vigil's types only.
 *
 * <pre>{@code
 * import static dev.vigil.assertj.VigilAssertions.*;
 *
 * orders.place("ord-1", "prod-789", 3);
 *
 * assertThatQueue(client, "billing").eventually().hasSize(1)      // waits on the client's context
 *     .containsMessageWith("order_id", "ord-1");
 * assertThatTimeline(vigil).eventually()
 *     .forCorrelationId("ord-1")
 *     .containsInOrder("order.created", "payment.completed")
 *     .doesNotContain("payment.refunded");
 * assertThat(webhooks).eventually().hasReceived(post("/payment-complete"));
 * assertThat(webhooks.awaitRequest(post("/payment-complete")))
 *     .hasJsonField("order_id", "ord-1")
 *     .hasValidSignature(WebhookSignature.hmacSha256Hex("X-Signature", "sha256=", secret));
 * assertThat(inventory.diffToNow())
 *     .hasOnlyChangedFields("prod-789", "quantity")
 *     .hasFieldChange("prod-789", "quantity", 100, 97);
 * }</pre>
 *
 * <p>Each {@code assertThat} has a BDD twin, {@code then} ({@code thenTimeline}, {@code
 * thenQueue}), for tests written given/when/then.
 *
 * <p>Failures are AssertJ's: laid out as {@code Expecting …: … to …}, prefixed by {@code as(...)},
 * replaced by {@code withFailMessage(...)}, collected by {@link VigilSoftAssertions}. After {@code
 * eventually()}, an assertion on a live object runs as a wait on its context and fails with the
 * context's wait failure, whose cause is the last AssertJ failure.
 *
 * @since 0.1
 */
public final class VigilAssertions {

  private VigilAssertions() {}

  /**
   * Starts assertions on a timeline; they cannot wait, since a timeline does not know its context
   * (use {@link #assertThatTimeline(Vigil)} to wait).
   *
   * @param actual the timeline
   * @return the assertion
   */
  public static TimelineAssert assertThat(Timeline actual) {
    return new TimelineAssert(actual);
  }

  /**
   * Starts assertions on a context's timeline that can {@link TimelineAssert#eventually()} wait.
   *
   * @param vigil the context
   * @return the assertion
   */
  public static TimelineAssert assertThatTimeline(Vigil vigil) {
    Objects.requireNonNull(vigil, "vigil must not be null");
    return new TimelineAssert(vigil.timeline(), vigil);
  }

  /**
   * Starts assertions on a trace already read.
   *
   * @param actual the trace
   * @return the assertion
   */
  public static TraceAssert assertThat(Trace actual) {
    return new TraceAssert(actual);
  }

  /**
   * Starts assertions on what a queue holds; they peek, so no message is consumed, and they can
   * {@link QueueAssert#eventually()} wait on the client's context.
   *
   * @param client the test client; its codec reads the bodies
   * @param queue the queue's name
   * @return the assertion
   */
  public static QueueAssert assertThatQueue(BusTestClient client, String queue) {
    return new QueueAssert(new BusQueue(client, queue));
  }

  /**
   * Starts assertions on a message as a receiver got it.
   *
   * @param actual the message
   * @return the assertion
   */
  public static ReceivedMessageAssert assertThat(ReceivedMessage actual) {
    return new ReceivedMessageAssert(actual);
  }

  /**
   * Starts assertions on a message seen on its queue ({@code bus.peek(queue)}).
   *
   * @param actual the message
   * @return the assertion
   */
  public static QueuedMessageAssert assertThat(QueuedMessage actual) {
    return new QueuedMessageAssert(actual);
  }

  /**
   * Starts assertions on a captured request.
   *
   * @param actual the request
   * @return the assertion
   */
  public static RecordedRequestAssert assertThat(RecordedRequest actual) {
    return new RecordedRequestAssert(actual);
  }

  /**
   * Starts assertions on the requests a webhook server received; they can {@link
   * WebhookServerAssert#eventually()} wait on its context.
   *
   * @param actual the server, or a namespace of it
   * @return the assertion
   */
  public static WebhookServerAssert assertThat(WebhookServer actual) {
    return new WebhookServerAssert(actual);
  }

  /**
   * Starts assertions on a snapshot diff.
   *
   * @param actual the diff
   * @return the assertion
   */
  public static DiffAssert assertThat(Diff actual) {
    return new DiffAssert(actual);
  }

  /**
   * Starts assertions on a timeline, as {@link #assertThat(Timeline)}, in BDD style.
   *
   * @param actual the timeline
   * @return the assertion
   */
  public static TimelineAssert then(Timeline actual) {
    return assertThat(actual);
  }

  /**
   * Starts waiting-capable assertions on a context's timeline, as {@link
   * #assertThatTimeline(Vigil)}, in BDD style.
   *
   * @param vigil the context
   * @return the assertion
   */
  public static TimelineAssert thenTimeline(Vigil vigil) {
    return assertThatTimeline(vigil);
  }

  /**
   * Starts assertions on a trace, as {@link #assertThat(Trace)}, in BDD style.
   *
   * @param actual the trace
   * @return the assertion
   */
  public static TraceAssert then(Trace actual) {
    return assertThat(actual);
  }

  /**
   * Starts assertions on a queue, as {@link #assertThatQueue}, in BDD style.
   *
   * @param client the test client
   * @param queue the queue's name
   * @return the assertion
   */
  public static QueueAssert thenQueue(BusTestClient client, String queue) {
    return assertThatQueue(client, queue);
  }

  /**
   * Starts assertions on a received message, in BDD style.
   *
   * @param actual the message
   * @return the assertion
   */
  public static ReceivedMessageAssert then(ReceivedMessage actual) {
    return assertThat(actual);
  }

  /**
   * Starts assertions on a queued message, in BDD style.
   *
   * @param actual the message
   * @return the assertion
   */
  public static QueuedMessageAssert then(QueuedMessage actual) {
    return assertThat(actual);
  }

  /**
   * Starts assertions on a captured request, in BDD style.
   *
   * @param actual the request
   * @return the assertion
   */
  public static RecordedRequestAssert then(RecordedRequest actual) {
    return assertThat(actual);
  }

  /**
   * Starts assertions on the requests a webhook server received, in BDD style.
   *
   * @param actual the server
   * @return the assertion
   */
  public static WebhookServerAssert then(WebhookServer actual) {
    return assertThat(actual);
  }

  /**
   * Starts assertions on a snapshot diff, in BDD style.
   *
   * @param actual the diff
   * @return the assertion
   */
  public static DiffAssert then(Diff actual) {
    return assertThat(actual);
  }
}
