package dev.vigil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Assertion blocks mean the same in all three kinds of wait, whether Java binds them to {@link
 * Check} (a void block) or to {@link Probe} (an assertion chain that returns its assert object).
 */
class AssertionBlockTest {
  private final Vigil vigil = Vigil.withVirtualTime();
  private final List<String> orders = new ArrayList<>();

  @AfterEach
  void close() {
    vigil.close();
  }

  @Test
  void never_with_a_void_assertion_block_passes_while_the_assertion_keeps_failing() {
    vigil.never(() -> assertThat(orders).contains("cancelled")).within(Duration.ofMinutes(1));
  }

  @Test
  void never_with_an_assertion_chain_fails_when_the_assertion_passes_and_says_how_to_read_it() {
    ConditionViolatedError error =
        catchThrowableOfType(
            ConditionViolatedError.class,
            () ->
                vigil
                    .never(() -> assertThat(orders).hasSize(0))
                    .describedAs("an empty order list")
                    .within(Duration.ofSeconds(5)));

    assertThat(error.getMessage())
        .startsWith(
            "Expected an empty order list never to pass within 5s, but it passed 0ns in, at"
                + " attempt 1: never(...) fails when its assertion block passes; for assertions"
                + " that must keep passing, use continually(...).")
        .doesNotContain("last value")
        .doesNotContain("ListAssert");
  }

  @Test
  void continually_with_an_assertion_chain_fails_when_the_assertion_fails() {
    vigil.scheduler().schedule(() -> orders.add("o-1"), 2, TimeUnit.SECONDS);

    ConditionViolatedError error =
        catchThrowableOfType(
            ConditionViolatedError.class,
            () ->
                vigil
                    .continually(() -> assertThat(orders).isEmpty())
                    .describedAs("no orders")
                    .throughout(Duration.ofSeconds(5)));

    assertThat(error.getMessage())
        .startsWith(
            "Expected no orders to keep passing throughout 5s, but it failed 2s in, at attempt 2.");
    assertThat(error.getCause()).isInstanceOf(AssertionError.class);
  }

  @Test
  void continually_with_a_void_block_that_fails_at_once_says_it_failed() {
    orders.add("o-1");

    ConditionViolatedError error =
        catchThrowableOfType(
            ConditionViolatedError.class,
            () ->
                vigil
                    .continually(() -> assertThat(orders).isEmpty())
                    .describedAs("no orders")
                    .throughout(Duration.ofSeconds(5)));

    assertThat(error.getMessage())
        .startsWith(
            "Expected no orders to keep passing throughout 5s, but it failed 0ns in, at attempt 1.");
  }

  @Test
  void continually_with_a_passing_assertion_chain_holds() {
    vigil.continually(() -> assertThat(orders).hasSize(0)).throughout(Duration.ofSeconds(5));
  }

  @Test
  void eventually_with_an_assertion_chain_waits_for_the_assertion_to_pass() {
    vigil.scheduler().schedule(() -> orders.add("o-1"), 3, TimeUnit.SECONDS);

    vigil.eventually(() -> assertThat(orders).containsExactly("o-1")).within(Duration.ofSeconds(5));

    assertThat(vigil.virtualTime().instant())
        .isEqualTo(dev.vigil.time.VirtualTimeSource.DEFAULT_ORIGIN.plusSeconds(3));
  }

  @Test
  void the_static_shortcuts_take_void_assertion_blocks_in_all_three_kinds() {
    List<String> empty = List.of();
    // The default context runs on real time: a generous window keeps a slow first evaluation
    // (class loading on a busy machine) inside it.
    Waits.eventually(() -> assertThat(empty).isEmpty()).within(Duration.ofSeconds(5));
    Waits.continually(() -> assertThat(empty).isEmpty()).throughout(Duration.ofMillis(300));
    Waits.never(() -> assertThat(empty).isNotEmpty()).within(Duration.ofMillis(300));
  }
}
