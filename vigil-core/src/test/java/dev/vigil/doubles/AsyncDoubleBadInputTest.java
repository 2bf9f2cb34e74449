package dev.vigil.doubles;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AsyncDoubleBadInputTest {
  private final Vigil vigil = Vigil.withVirtualTime();
  private final AsyncStub<String, String> stub = AsyncStub.of(vigil, "stub");

  @AfterEach
  void close() {
    vigil.close();
  }

  @Test
  void a_stub_needs_a_context_and_a_name() {
    assertThatThrownBy(() -> AsyncStub.of(null, "x"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("vigil must not be null");
    assertThatThrownBy(() -> AsyncSupplierStub.of(vigil, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("name must not be null");
    assertThatThrownBy(() -> AsyncStub.of(vigil, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name must not be blank, was ' '");
  }

  @Test
  void delays_must_not_be_negative() {
    assertThatThrownBy(() -> stub.returnsAfter(Duration.ofMillis(-1), "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("delay must not be negative, was PT-0.001S");
    assertThatThrownBy(() -> stub.failsAfter(null, new RuntimeException()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("delay must not be null");
  }

  @Test
  void failures_and_outcomes_must_not_be_null() {
    assertThatThrownBy(() -> stub.fails(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("failure must not be null");
    assertThatThrownBy(() -> stub.failsAfterCalls(1, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("failure must not be null");
    assertThatThrownBy(() -> stub.answers(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("outcome must not be null");
    assertThatThrownBy(() -> stub.answersInOrder(Outcome.value("a"), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("outcomes[1] must not be null");
  }

  @Test
  void counts_must_not_be_negative_and_a_sequence_not_empty() {
    assertThatThrownBy(() -> stub.failsAfterCalls(-1, new RuntimeException()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("calls must not be negative, was -1");
    assertThatThrownBy(() -> stub.assertCallCount(-2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected must not be negative, was -2");
    assertThatThrownBy(stub::answersInOrder)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("outcomes must not be empty, was []");
  }
}
