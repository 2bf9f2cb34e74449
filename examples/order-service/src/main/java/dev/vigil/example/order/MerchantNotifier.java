package dev.vigil.example.order;

import java.io.IOException;

/** Tells the merchant an order ships; blocks until the merchant answered. */
@FunctionalInterface
public interface MerchantNotifier {

  /**
   * Delivers one notice.
   *
   * @param notification the notice
   * @throws IOException when the merchant could not be reached or refused it
   * @throws InterruptedException when the dispatcher is stopped mid-call
   */
  void send(Notification notification) throws IOException, InterruptedException;
}
