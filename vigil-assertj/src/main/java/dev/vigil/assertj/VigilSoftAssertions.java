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
import org.assertj.core.api.SoftAssertions;

/**
 * AssertJ's {@link SoftAssertions} with Vigil's assertions added: every failure is collected and
 * reported together by {@link #assertAll()}.
 *
 * <pre>{@code
 * VigilSoftAssertions softly = new VigilSoftAssertions();
 * softly.assertThat(diff).hasUpdated("prod-789");
 * softly.assertThatQueue(client, "billing").isEmpty();
 * softly.assertThat(call).hasHeader("X-Event", "paid");
 * softly.assertAll();
 * }</pre>
 *
 * <p>Or {@code SoftAssertionsProvider.assertSoftly(VigilSoftAssertions.class, softly -> ...)}, or
 * JUnit's {@code SoftAssertionsExtension} with a {@code @InjectSoftAssertions VigilSoftAssertions}
 * field. A waiting assertion's timeout is collected like any other failure. The assertions returned
 * by {@code forCorrelationId} and {@code deadLetters} are not collected: they fail at once.
 *
 * @since 0.1
 */
public class VigilSoftAssertions extends SoftAssertions {

  /** Creates an empty collector of failures. */
  public VigilSoftAssertions() {}

  /**
   * Starts soft assertions on a timeline (they cannot wait).
   *
   * @param actual the timeline
   * @return the assertion
   */
  public TimelineAssert assertThat(Timeline actual) {
    return proxy(TimelineAssert.class, Timeline.class, actual);
  }

  /**
   * Starts soft assertions on a context's timeline that can wait.
   *
   * @param vigil the context
   * @return the assertion
   */
  public TimelineAssert assertThatTimeline(Vigil vigil) {
    Objects.requireNonNull(vigil, "vigil must not be null");
    return proxy(TimelineAssert.class, Timeline.class, vigil.timeline()).waitingOn(vigil);
  }

  /**
   * Starts soft assertions on a trace.
   *
   * @param actual the trace
   * @return the assertion
   */
  public TraceAssert assertThat(Trace actual) {
    return proxy(TraceAssert.class, Trace.class, actual);
  }

  /**
   * Starts soft assertions on what a queue holds.
   *
   * @param client the test client
   * @param queue the queue's name
   * @return the assertion
   */
  public QueueAssert assertThatQueue(BusTestClient client, String queue) {
    return proxy(QueueAssert.class, BusQueue.class, new BusQueue(client, queue));
  }

  /**
   * Starts soft assertions on a received message.
   *
   * @param actual the message
   * @return the assertion
   */
  public ReceivedMessageAssert assertThat(ReceivedMessage actual) {
    return proxy(ReceivedMessageAssert.class, ReceivedMessage.class, actual);
  }

  /**
   * Starts soft assertions on a queued message.
   *
   * @param actual the message
   * @return the assertion
   */
  public QueuedMessageAssert assertThat(QueuedMessage actual) {
    return proxy(QueuedMessageAssert.class, QueuedMessage.class, actual);
  }

  /**
   * Starts soft assertions on a captured request.
   *
   * @param actual the request
   * @return the assertion
   */
  public RecordedRequestAssert assertThat(RecordedRequest actual) {
    return proxy(RecordedRequestAssert.class, RecordedRequest.class, actual);
  }

  /**
   * Starts soft assertions on the requests a webhook server received.
   *
   * @param actual the server
   * @return the assertion
   */
  public WebhookServerAssert assertThat(WebhookServer actual) {
    return proxy(WebhookServerAssert.class, WebhookServer.class, actual);
  }

  /**
   * Starts soft assertions on a snapshot diff.
   *
   * @param actual the diff
   * @return the assertion
   */
  public DiffAssert assertThat(Diff actual) {
    return proxy(DiffAssert.class, Diff.class, actual);
  }
}
