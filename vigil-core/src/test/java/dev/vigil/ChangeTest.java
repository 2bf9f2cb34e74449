package dev.vigil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChangeTest {
  private final Vigil vigil = Vigil.withVirtualTime();
  private final Instant start = vigil.time().instant();
  private final AtomicInteger stock = new AtomicInteger(100);

  @AfterEach
  void close() {
    vigil.close();
  }

  @Test
  void by_waits_for_the_value_before_plus_the_delta() {
    Change<Integer> change = vigil.change(stock::get);
    vigil.scheduler().schedule(() -> stock.addAndGet(-1), 1, TimeUnit.SECONDS);
    vigil.scheduler().schedule(() -> stock.addAndGet(-2), 2, TimeUnit.SECONDS);

    int after = change.from(100).by(-3).within(Duration.ofSeconds(5));

    assertThat(after).isEqualTo(97);
    assertThat(change.before()).isEqualTo(100);
    assertThat(vigil.time().instant()).isEqualTo(start.plusSeconds(2));
  }

  @Test
  void a_timeout_states_the_expected_value_as_the_seed_does() {
    Change<Integer> change = vigil.change(stock::get).describedAs("stock of sku-1");
    stock.set(98);

    WaitTimeoutError error =
        catchThrowableOfType(
            WaitTimeoutError.class, () -> change.by(-3).within(Duration.ofSeconds(1)));

    assertThat(error.getMessage())
        .startsWith(
            "Timed out after 1s waiting for stock of sku-1 to change by -3: expected 97 (100 - 3).")
        .contains("  last value:   98");
  }

  @Test
  void a_wrong_starting_value_fails_at_once() {
    Change<Integer> change = vigil.change(stock::get).describedAs("stock of sku-1");

    assertThatThrownBy(() -> change.from(99))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expected stock of sku-1 to start at 99, but it was 100");
  }

  @Test
  void numbers_compare_by_value_and_keep_their_type() {
    AtomicReference<BigDecimal> balance = new AtomicReference<>(new BigDecimal("10.50"));
    Change<BigDecimal> change = vigil.change(balance::get).describedAs("balance");
    balance.set(new BigDecimal("10.25"));
    Change<Long> total = vigil.change(() -> 7L);

    assertThat(change.by(-0.25).within(Duration.ofSeconds(1))).isEqualByComparingTo("10.25");
    assertThat(total.by(0).within(Duration.ofSeconds(1))).isEqualTo(7L);
    assertThat(total.from(7).before()).isEqualTo(7L);
    assertThatThrownBy(
            () -> vigil.change(() -> 1.5).describedAs("x").by(-0.5).within(Duration.ofSeconds(1)))
        .hasMessageStartingWith(
            "Timed out after 1s waiting for x to change by -0.5: expected 1.0 (1.5 - 0.5).");
  }

  @Test
  void to_waits_for_a_value_and_to_anything_else_for_any_other() {
    AtomicReference<String> status = new AtomicReference<>("NEW");
    Change<String> change = vigil.change(status::get).describedAs("status");
    vigil.scheduler().schedule(() -> status.set("PAID"), 1, TimeUnit.SECONDS);
    vigil.scheduler().schedule(() -> status.set("SHIPPED"), 2, TimeUnit.SECONDS);

    assertThat(change.toAnythingElse().within(Duration.ofSeconds(5))).isEqualTo("PAID");
    assertThat(change.to("SHIPPED").within(Duration.ofSeconds(5))).isEqualTo("SHIPPED");
  }

  @Test
  void a_timeout_of_to_names_both_values() {
    Change<String> change = vigil.change(() -> "NEW").describedAs("status");

    assertThatThrownBy(() -> change.to("PAID").within(Duration.ofSeconds(1)))
        .hasMessageStartingWith(
            "Timed out after 1s waiting for status to change from \"NEW\" to \"PAID\".");
  }

  @Test
  void by_on_a_value_that_is_not_a_number_is_an_error_saying_what_it_was() {
    Change<String> change = vigil.change(() -> "NEW").describedAs("status");

    assertThatThrownBy(() -> change.by(1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "by(delta) needs a number, but status was \"NEW\" (String); use to(value) instead");
  }

  @Test
  void a_probe_returning_a_live_counter_is_an_error() {
    assertThatThrownBy(() -> vigil.change(() -> stock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "probe must return the value, not the live AtomicInteger that holds it (which changes"
                + " with it): read it, as in () -> counter.get()");
  }

  @Test
  void a_probe_that_fails_before_the_change_is_an_error_with_its_cause() {
    IllegalStateException failure = new IllegalStateException("db down");

    assertThatThrownBy(
            () ->
                vigil.change(
                    () -> {
                      throw failure;
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the probe failed reading the value before the change")
        .hasCause(failure);
  }

  @Test
  void bad_arguments_are_named() {
    assertThatThrownBy(() -> vigil.change(null)).hasMessage("probe must not be null");
    assertThatThrownBy(() -> vigil.change(stock::get).describedAs(" "))
        .hasMessage("description must not be blank, was ' '");
    assertThatThrownBy(() -> vigil.change(stock::get).by(null))
        .hasMessage("delta must not be null");
    assertThatThrownBy(() -> vigil.change(() -> Integer.MAX_VALUE).by(1))
        .isInstanceOf(ArithmeticException.class);
  }
}
