package dev.vigil.assertj;

import dev.vigil.assertj.internal.QueueTexts;
import dev.vigil.assertj.internal.Texts;
import dev.vigil.http.JsonField;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on what a queue holds, read by peeking, so no assertion consumes a message. Made by
 * {@link VigilAssertions#assertThatQueue}; {@link #eventually()} waits on the test client's
 * context.
 *
 * <pre>{@code
 * assertThatQueue(client, "billing").eventually().hasSize(3)
 *     .containsMessageWith("order_id", "o-1");
 * assertThatQueue(client, "billing").hasDeadLetters(1)
 *     .deadLetters().containsMessageWith("order_id", "o-2");
 * }</pre>
 *
 * <p>Every message counts, whatever its state: visible, in flight (received and not yet deleted) or
 * delayed. Bodies are read as JSON by the client's codec, which sees through an SNS envelope.
 *
 * @param <SELF> the type of the assertion itself, for chaining
 * @since 0.1
 */
public abstract class AbstractQueueAssert<SELF extends AbstractQueueAssert<SELF>>
    extends AbstractLiveAssert<SELF, BusQueue> {
  private @Nullable String subject;

  /**
   * Creates the assertion.
   *
   * @param actual the queue
   * @param selfType the class of the assertion itself
   */
  protected AbstractQueueAssert(BusQueue actual, Class<?> selfType) {
    super(actual, selfType, actual == null ? null : actual.client().vigil());
  }

  /**
   * Verifies that the queue holds no message.
   *
   * @return this assertion
   */
  public SELF isEmpty() {
    return check(
        "to be empty",
        () -> {
          List<QueueTexts.Shown> messages = read();
          if (!messages.isEmpty()) {
            failWithText(QueueTexts.notEmpty(subject(), messages));
          }
        });
  }

  /**
   * Verifies that the queue holds exactly {@code expected} messages.
   *
   * @param expected how many; not negative
   * @return this assertion
   */
  public SELF hasSize(int expected) {
    requireNotNegative("expected", expected);
    return check(
        "to hold " + Texts.count(expected, "message"),
        () -> {
          List<QueueTexts.Shown> messages = read();
          if (messages.size() != expected) {
            failWithText(QueueTexts.wrongSize(subject(), messages, expected));
          }
        });
  }

  /**
   * Verifies that some message's JSON payload has {@code expected} at {@code path}; numbers compare
   * by value.
   *
   * @param path a JSON pointer ({@code /order/id}) or a dotted path ({@code order.id}, {@code
   *     items[0].sku})
   * @param expected a string, number, boolean, {@code null}, map, list or record
   * @return this assertion
   */
  public SELF containsMessageWith(String path, @Nullable Object expected) {
    JsonField field = JsonField.of(path, expected);
    return check(
        "to hold a message with " + field.expectation(),
        () -> {
          List<QueueTexts.Shown> messages = read();
          boolean found =
              messages.stream()
                  .anyMatch(m -> m.payload() != null && field.mismatch(m.payload()) == null);
          if (!found) {
            failWithText(QueueTexts.noMessageWith(subject(), messages, field));
          }
        });
  }

  /**
   * Verifies that the queue's dead-letter queue holds exactly {@code expected} messages.
   *
   * @param expected how many; not negative
   * @return this assertion
   * @throws dev.vigil.bus.BusException when the queue has no dead-letter queue
   */
  public SELF hasDeadLetters(int expected) {
    requireNotNegative("expected", expected);
    isNotNull();
    AbstractQueueAssert<?> deadLetters = deadLetters();
    return check(
        "to have " + Texts.count(expected, "dead letter"),
        () -> {
          List<QueueTexts.Shown> messages = deadLetters.read();
          if (messages.size() != expected) {
            failWithText(QueueTexts.wrongSize(deadLetters.subject(), messages, expected));
          }
        });
  }

  /**
   * Returns assertions on the queue's dead-letter queue, waiting as this one does.
   *
   * @return the assertion on the dead letters
   * @throws dev.vigil.bus.BusException when the queue has no dead-letter queue
   */
  public QueueAssert deadLetters() {
    isNotNull();
    BusQueue deadLetterQueue = actual.deadLetterQueue();
    QueueAssert deadLetters = inheritState(new QueueAssert(deadLetterQueue));
    AbstractQueueAssert<?> named = deadLetters;
    named.subject = subject() + "'s dead-letter queue " + deadLetterQueue.name();
    return deadLetters;
  }

  private List<QueueTexts.Shown> read() {
    isNotNull();
    BusQueue queue = actual;
    return queue.messages().stream()
        .map(m -> new QueueTexts.Shown(m, queue.payload(m).orElse(null)))
        .toList();
  }

  private static void requireNotNegative(String name, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative, was " + value);
    }
  }

  @Override
  protected String subject() {
    String named = subject;
    return named != null ? named : String.valueOf(actual);
  }

  @Override
  protected String withoutContext() {
    return "eventually() needs the test client's context, and this queue has none";
  }
}
