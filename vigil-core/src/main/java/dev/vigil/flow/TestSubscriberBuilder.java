package dev.vigil.flow;

import dev.vigil.Vigil;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Configures a {@link TestSubscriber}: its name, its initial request, the correlation id of its
 * timeline entries and the timeout of its waits. Made by {@link TestSubscriber#builder}.
 *
 * @since 0.1
 */
public final class TestSubscriberBuilder {
  private final Vigil vigil;
  private String name = TestSubscriber.KIND;
  private long initialRequest;
  private @Nullable String correlationId;
  private @Nullable Duration timeout;

  TestSubscriberBuilder(Vigil vigil) {
    this.vigil = vigil;
  }

  /**
   * Names the subscriber in timeline entry types and failure messages.
   *
   * @param newName not blank, such as {@code orders}
   * @return this builder
   */
  public TestSubscriberBuilder name(String newName) {
    this.name = FlowTexts.checkedName("name", newName);
    return this;
  }

  /**
   * Requests this many items as soon as the subscription arrives.
   *
   * @param n positive; {@code Long.MAX_VALUE} asks for everything
   * @return this builder
   */
  public TestSubscriberBuilder initialRequest(long n) {
    if (n <= 0) {
      throw new IllegalArgumentException("initialRequest must be positive, was " + n);
    }
    this.initialRequest = n;
    return this;
  }

  /**
   * Gives every timeline entry of the subscriber this correlation id.
   *
   * @param id not blank
   * @return this builder
   */
  public TestSubscriberBuilder correlationId(String id) {
    this.correlationId = FlowTexts.checkedName("id", id);
    return this;
  }

  /**
   * Sets how long the subscriber's waits wait (by default, the context's default timeout).
   *
   * @param newTimeout positive
   * @return this builder
   */
  public TestSubscriberBuilder timeout(Duration newTimeout) {
    Objects.requireNonNull(newTimeout, "timeout must not be null");
    if (newTimeout.isNegative() || newTimeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + newTimeout);
    }
    this.timeout = newTimeout;
    return this;
  }

  /**
   * Builds the subscriber.
   *
   * @param <T> the type of the items
   * @return a new subscriber, not yet subscribed
   */
  public <T> TestSubscriber<T> build() {
    return new TestSubscriber<>(
        vigil,
        name,
        timeout,
        new SubscriberState<>(name, correlationId, vigil.timeline(), initialRequest));
  }
}
