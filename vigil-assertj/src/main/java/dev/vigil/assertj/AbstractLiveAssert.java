package dev.vigil.assertj;

import dev.vigil.Vigil;
import java.time.Duration;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;

/**
 * The base of assertions on objects that change while the test runs (a timeline, a queue, a
 * server's requests): each assertion checks the object's state now, or, after {@link
 * #eventually()}, runs as a Vigil wait on the object's own context until it passes.
 *
 * <pre>{@code
 * assertThatQueue(client, "billing").eventually().hasSize(3);
 * assertThatTimeline(vigil).eventually().within(Duration.ofSeconds(5))
 *     .containsInOrder("order.created", "payment.completed");
 * }</pre>
 *
 * <p>A waiting assertion re-reads the object on every evaluation and wakes whenever the context's
 * signal pulses (every timeline entry, bus delivery and captured request pulses it). When it does
 * not pass in time, it throws the context's {@link dev.vigil.WaitTimeoutError}: its message names
 * the assertion, shows the last AssertJ failure in full and the latest timeline entries, and its
 * cause is that failure. An exception other than an assertion failure (an unknown queue, say) ends
 * the wait at once.
 *
 * @param <SELF> the type of the assertion itself, for chaining
 * @param <ACTUAL> the type of the object under test
 * @since 0.1
 */
public abstract class AbstractLiveAssert<SELF extends AbstractLiveAssert<SELF, ACTUAL>, ACTUAL>
    extends AbstractAssert<SELF, ACTUAL> {
  private @Nullable Vigil context;
  private boolean waiting;
  private @Nullable Duration timeout;

  /**
   * Creates the assertion.
   *
   * @param actual the object under test
   * @param selfType the class of the assertion itself
   * @param context the context whose waits {@link #eventually()} runs on, or {@code null} when the
   *     object does not know it
   */
  protected AbstractLiveAssert(ACTUAL actual, Class<?> selfType, @Nullable Vigil context) {
    super(actual, selfType);
    this.context = context;
  }

  /**
   * Sets the context after construction, for soft assertions' proxies, which are made from the
   * object under test alone.
   */
  final SELF waitingOn(Vigil newContext) {
    this.context = Objects.requireNonNull(newContext, "vigil must not be null");
    return myself;
  }

  /**
   * Makes every assertion that follows wait until it passes, on the context's waits, for the
   * context's default timeout ({@link dev.vigil.Patience#timeout()}) unless {@link #within} says
   * otherwise.
   *
   * @return this assertion
   * @throws IllegalStateException when the object under test does not know its context
   */
  public SELF eventually() {
    if (context == null) {
      throw new IllegalStateException(withoutContext());
    }
    waiting = true;
    return myself;
  }

  /**
   * Sets how long each waiting assertion waits (times the context's time scale).
   *
   * @param newTimeout positive
   * @return this assertion
   * @throws IllegalStateException when {@link #eventually()} was not called before
   */
  public SELF within(Duration newTimeout) {
    Objects.requireNonNull(newTimeout, "timeout must not be null");
    if (newTimeout.isNegative() || newTimeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + newTimeout);
    }
    if (!waiting) {
      throw new IllegalStateException(
          "within(" + newTimeout + ") sets how long eventually() waits: call eventually() first");
    }
    this.timeout = newTimeout;
    return myself;
  }

  /**
   * Says why {@link #eventually()} cannot wait on this object and how to get an assertion that can.
   *
   * @return the message of the {@link IllegalStateException}
   */
  protected abstract String withoutContext();

  /**
   * Names the object under test in the description of a wait, such as {@code queue billing}.
   *
   * @return the name
   */
  protected abstract String subject();

  /**
   * Runs {@code assertion} now, or, after {@link #eventually()}, as a wait on the context that ends
   * as soon as it passes.
   *
   * @param expectation what the assertion expects, for the wait's description, such as {@code to
   *     hold 3 messages}
   * @param assertion the check; it must read the object's state afresh each time it runs
   * @return this assertion
   */
  protected final SELF check(String expectation, Runnable assertion) {
    Vigil waitsOn = context;
    if (!waiting || waitsOn == null) {
      assertion.run();
      return myself;
    }
    Duration chosen = timeout;
    waitsOn
        .eventually(assertion::run)
        .describedAs(waitDescription(expectation))
        // Only a failed assertion means "not yet"; a misuse (an unknown queue) ends at once.
        .notYetOn(AssertionError.class)
        .within(chosen != null ? chosen : waitsOn.patience().timeout());
    return myself;
  }

  private String waitDescription(String expectation) {
    String description = descriptionText();
    String prefix = description == null || description.isEmpty() ? "" : "[" + description + "] ";
    return prefix + subject() + " " + expectation;
  }

  /**
   * Fails with {@code message} as it is, through AssertJ, so that {@code as(...)}, {@code
   * withFailMessage(...)} and soft assertions apply to it.
   *
   * @param message the whole failure text
   */
  protected final void failWithText(String message) {
    failWithMessage("%s", message);
  }

  /**
   * Gives {@code derived}, an assertion on a part of this object, this assertion's context, waiting
   * mode, timeout and description.
   *
   * @param derived the new assertion
   * @param <A> its type
   * @return {@code derived}
   */
  protected final <A extends AbstractLiveAssert<A, ?>> A inheritState(A derived) {
    AbstractLiveAssert<A, ?> target = derived;
    target.context = context;
    target.waiting = waiting;
    target.timeout = timeout;
    String description = descriptionText();
    if (description != null && !description.isEmpty()) {
      derived.describedAs(description);
    }
    return derived;
  }
}
