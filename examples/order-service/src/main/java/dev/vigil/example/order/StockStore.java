package dev.vigil.example.order;

/**
 * The stock of each product. {@link SqlStockStore} keeps it in the {@code inventory} table; a test
 * can wrap it, e.g. to make each call take time so that two reservations interleave.
 */
public interface StockStore {

  /**
   * Returns how many of a product are in stock.
   *
   * @param productId the product
   * @return the quantity, 0 for an unknown product
   */
  int quantity(String productId);

  /**
   * Sets a product's stock.
   *
   * @param productId the product
   * @param quantity the new quantity
   */
  void setQuantity(String productId, int quantity);

  /**
   * Takes {@code quantity} of a product if that many are in stock, in one step.
   *
   * @param productId the product
   * @param quantity how many
   * @return {@code true} when taken; {@code false} when too few were in stock
   */
  boolean takeIfAvailable(String productId, int quantity);

  /**
   * Puts back what a reservation took.
   *
   * @param productId the product
   * @param quantity how many
   */
  void putBack(String productId, int quantity);
}
