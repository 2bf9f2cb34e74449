package dev.vigil.example.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.Vigil;
import dev.vigil.doubles.AsyncStub;
import dev.vigil.junit5.VigilTest;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Billing's call to the payment provider, with the provider replaced by an {@link AsyncStub} on
 * virtual time: seed 003's "Testing Timeouts" ({@code asyncio.timeout}, {@code wait_for}) and seed
 * 002's "Mocking Async Dependencies" ({@code AsyncMock} with a {@code side_effect}). The 10 s
 * production timeout costs no wall time.
 */
@VigilTest(virtualTime = true)
class PaymentTimeoutTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final PaymentRequest REQUEST =
      new PaymentRequest(
          "ord-1", new BigDecimal("99.99"), URI.create("http://orders/payments/webhook"), "corr-1");

  /**
   * Seed 003, "Testing Timeouts": a provider that never answers fails the payment at exactly 10 s,
   * and the timeout cleans up: the provider's call is cancelled and no timer stays scheduled.
   */
  @Test
  void a_hanging_provider_times_out_at_the_deadline_leaving_nothing_behind(Vigil vigil) {
    AsyncStub<PaymentRequest, String> provider =
        AsyncStub.<PaymentRequest, String>of(vigil, "paymentProvider").hangsUntilCancelled();
    PaymentGateway payments = new PaymentGateway(provider::apply, vigil.scheduler(), TIMEOUT);

    vigil
        .timesOut(() -> payments.initiate(REQUEST))
        .at(TIMEOUT)
        .leavingNothingScheduled()
        .and("the provider's call was cancelled", () -> provider.pendingCalls().isEmpty());
    provider.assertCalledOnceWith(REQUEST);
  }

  /** Seed 002, "Mocking Async Dependencies": the provider's failure is the payment's failure. */
  @Test
  void a_failing_provider_fails_the_payment(Vigil vigil) {
    AsyncStub<PaymentRequest, String> provider =
        AsyncStub.<PaymentRequest, String>of(vigil, "paymentProvider")
            .failsAfter(Duration.ofMillis(300), new IOException("provider unavailable"));
    PaymentGateway payments = new PaymentGateway(provider::apply, vigil.scheduler(), TIMEOUT);

    vigil
        .fails(payments.initiate(REQUEST))
        .with(IOException.class)
        .withMessageContaining("provider unavailable")
        .get();
    assertThat(vigil.virtualTime().pending()).as("the timeout's timer").isEmpty();
  }

  /** Seed 003: a provider that answers in time gives the payment id, and the timer is cancelled. */
  @Test
  void a_provider_that_answers_in_time_cancels_the_timeout(Vigil vigil) {
    AsyncStub<PaymentRequest, String> provider =
        AsyncStub.<PaymentRequest, String>of(vigil, "paymentProvider")
            .returnsAfter(Duration.ofSeconds(9), "pay-1");
    PaymentGateway payments = new PaymentGateway(provider::apply, vigil.scheduler(), TIMEOUT);

    assertThat(vigil.completes(payments.initiate(REQUEST)).get()).isEqualTo("pay-1");
    assertThat(vigil.virtualTime().pending()).as("the timeout's timer").isEmpty();
    provider.assertAwaitedOnce();
  }
}
