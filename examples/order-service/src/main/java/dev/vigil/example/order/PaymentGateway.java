package dev.vigil.example.order;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The payment provider with a deadline. The timer runs on the scheduler the service was given, not
 * on {@code CompletableFuture.orTimeout}'s own clock, so a test on virtual time sees the timeout at
 * exactly its deadline; when the call times out it is cancelled, and when it answers first the
 * timer is cancelled, so nothing stays scheduled either way.
 */
public final class PaymentGateway {
  private final PaymentProvider provider;
  private final ScheduledExecutorService scheduler;
  private final Duration timeout;

  /**
   * Calls {@code provider}, giving up after {@code timeout}.
   *
   * @param provider the provider
   * @param scheduler where the timeout's timer runs
   * @param timeout how long to wait for the provider
   */
  public PaymentGateway(
      PaymentProvider provider, ScheduledExecutorService scheduler, Duration timeout) {
    this.provider = provider;
    this.scheduler = scheduler;
    this.timeout = timeout;
  }

  /**
   * Asks the provider to charge an order, failing with a {@link TimeoutException} after the
   * timeout.
   *
   * @param request the payment
   * @return the payment's id, or the provider's failure, or the timeout
   */
  public CompletableFuture<String> initiate(PaymentRequest request) {
    CompletableFuture<String> call = provider.initiate(request);
    CompletableFuture<String> result = new CompletableFuture<>();
    ScheduledFuture<?> timer =
        scheduler.schedule(
            () -> {
              result.completeExceptionally(
                  new TimeoutException(
                      "payment provider did not answer for "
                          + request.orderId()
                          + " in "
                          + timeout));
              call.cancel(true);
            },
            timeout.toNanos(),
            TimeUnit.NANOSECONDS);
    call.whenComplete(
        (paymentId, failure) -> {
          timer.cancel(false);
          if (failure != null) {
            result.completeExceptionally(failure);
          } else {
            result.complete(paymentId);
          }
        });
    return result;
  }
}
