package dev.vigil.example.order;

/**
 * Takes stock for an order line. {@link AtomicStockReservation} is the one the service uses; {@link
 * NaiveStockReservation} shows the check-then-act race that oversells.
 */
@FunctionalInterface
public interface StockReservation {

  /**
   * Takes {@code quantity} of a product if that many are in stock.
   *
   * @param productId the product
   * @param quantity how many
   * @return {@code true} when taken
   */
  boolean reserve(String productId, int quantity);
}
