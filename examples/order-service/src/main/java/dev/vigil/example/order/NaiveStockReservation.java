package dev.vigil.example.order;

/**
 * DO NOT USE: kept to show a race. It reads the stock, decides, then writes what it computed; two
 * reservations that both read before either writes both succeed, and the second write hides the
 * first — the store sells more than it had. {@link AtomicStockReservation} is the fix.
 */
public final class NaiveStockReservation implements StockReservation {
  private final StockStore stock;

  /**
   * Reserves from {@code stock}, racily.
   *
   * @param stock the stock
   */
  public NaiveStockReservation(StockStore stock) {
    this.stock = stock;
  }

  @Override
  public boolean reserve(String productId, int quantity) {
    int available = stock.quantity(productId);
    if (available < quantity) {
      return false;
    }
    stock.setQuantity(productId, available - quantity);
    return true;
  }
}
