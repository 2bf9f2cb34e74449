package dev.vigil.assertj;

import dev.vigil.Vigil;
import dev.vigil.assertj.internal.Texts;
import dev.vigil.timeline.Trace;
import dev.vigil.timeline.TraceAssertionError;
import java.util.Arrays;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Chain assertions on timeline entries: in order, exactly once, a number of times, one type before
 * another, never. They are {@link Trace}'s own checks, with its failure texts (the expected chain
 * beside the actual one, with indices), raised through AssertJ.
 *
 * @param <SELF> the type of the assertion itself, for chaining
 * @param <ACTUAL> the type of the object under test
 * @since 0.1
 */
public abstract class AbstractChainAssert<SELF extends AbstractChainAssert<SELF, ACTUAL>, ACTUAL>
    extends AbstractLiveAssert<SELF, ACTUAL> {

  /**
   * Creates the assertion.
   *
   * @param actual the object under test
   * @param selfType the class of the assertion itself
   * @param context the context whose waits {@link #eventually()} runs on, or {@code null}
   */
  protected AbstractChainAssert(ACTUAL actual, Class<?> selfType, @Nullable Vigil context) {
    super(actual, selfType, context);
  }

  /**
   * Reads the entries to check, afresh: called on every evaluation of a waiting assertion.
   *
   * @return the entries as a chain
   */
  protected abstract Trace chain();

  /**
   * Verifies that entries of these types occur in this order (other entries may come between).
   *
   * @param types the expected chain, at least one
   * @return this assertion
   */
  public SELF containsInOrder(String... types) {
    return checkChain(
        "to contain in order " + Arrays.toString(types), c -> c.containsInOrder(types));
  }

  /**
   * Verifies that exactly one entry has this type.
   *
   * @param type the type, such as {@code payment.completed}
   * @return this assertion
   */
  public SELF containsExactlyOnce(String type) {
    return checkChain("to contain " + type + " exactly once", c -> c.containsExactlyOnce(type));
  }

  /**
   * Verifies that exactly {@code times} entries have this type, such as three deliveries of one
   * message.
   *
   * @param type the type
   * @param times how many; not negative
   * @return this assertion
   */
  public SELF containsExactly(String type, int times) {
    return checkChain(
        "to contain " + type + " exactly " + Texts.count(times, "time"),
        c -> c.containsExactly(type, times));
  }

  /**
   * Verifies that the first entry of type {@code earlier} comes before the first of type {@code
   * later}, and that both occur.
   *
   * @param earlier the type that must come first
   * @param later the type that must come after it
   * @return this assertion
   */
  public SELF happensBefore(String earlier, String later) {
    return checkChain(
        "to have " + earlier + " before " + later, c -> c.happensBefore(earlier, later));
  }

  /**
   * Verifies that no entry has this type.
   *
   * @param type the type that must not occur
   * @return this assertion
   */
  public SELF doesNotContain(String type) {
    return checkChain("not to contain " + type, c -> c.doesNotContain(type));
  }

  private SELF checkChain(String expectation, Consumer<Trace> assertion) {
    return check(
        expectation,
        () -> {
          isNotNull();
          try {
            assertion.accept(chain());
          } catch (TraceAssertionError failure) {
            failWithText(Texts.NL + failure.getMessage());
          }
        });
  }
}
