package dev.vigil.example.order;

/** Checks and takes the stock in one step of the store, so two reservations cannot both win. */
public final class AtomicStockReservation implements StockReservation {
  private final StockStore stock;

  /**
   * Reserves from {@code stock}.
   *
   * @param stock the stock
   */
  public AtomicStockReservation(StockStore stock) {
    this.stock = stock;
  }

  @Override
  public boolean reserve(String productId, int quantity) {
    return stock.takeIfAvailable(productId, quantity);
  }
}
