package dev.vigil.example.order;

import java.util.concurrent.CompletableFuture;

/**
 * The payment provider as billing sees it: a call that answers later. The service calls it over
 * HTTP ({@link HttpPaymentProvider}); a test can hand in any function, such as Vigil's {@code
 * AsyncStub} ({@code stub::apply}), that hangs or fails on purpose.
 */
@FunctionalInterface
public interface PaymentProvider {

  /**
   * Asks the provider to charge an order.
   *
   * @param request the payment
   * @return the provider's payment id, or a failure
   */
  CompletableFuture<String> initiate(PaymentRequest request);
}
