package dev.vigil.example.order;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds stock for orders: all of an order's lines or none, once per order however often it is asked
 * (a redelivered event reserves nothing twice), and released when the order is cancelled.
 */
public final class Inventory {
  private final StockStore stock;
  private final StockReservation reservation;
  private final Map<String, List<OrderItem>> held = new ConcurrentHashMap<>();
  private final Map<String, Boolean> outcomes = new ConcurrentHashMap<>();

  /**
   * Holds stock from {@code stock} with {@code reservation}.
   *
   * @param stock the stock, to put back what a partial or released reservation took
   * @param reservation how a line is taken
   */
  public Inventory(StockStore stock, StockReservation reservation) {
    this.stock = stock;
    this.reservation = reservation;
  }

  /**
   * Holds the stock of every line of an order, once: a second call for the same order answers as
   * the first did.
   *
   * @param orderId the order
   * @param items its lines
   * @return {@code true} when the stock is held; {@code false} when a line was short
   */
  public boolean reserve(String orderId, List<OrderItem> items) {
    return outcomes.computeIfAbsent(orderId, id -> reserveAll(id, items));
  }

  /**
   * Puts back what an order holds, so that a later {@link #reserve} takes it again; does nothing
   * when it holds nothing.
   *
   * @param orderId the order
   */
  public void release(String orderId) {
    List<OrderItem> items = held.remove(orderId);
    outcomes.remove(orderId);
    if (items != null) {
      items.forEach(item -> stock.putBack(item.productId(), item.quantity()));
    }
  }

  private boolean reserveAll(String orderId, List<OrderItem> items) {
    List<OrderItem> taken = new ArrayList<>();
    for (OrderItem item : items) {
      if (!reservation.reserve(item.productId(), item.quantity())) {
        // All or nothing: a short line gives back the lines already taken.
        taken.forEach(t -> stock.putBack(t.productId(), t.quantity()));
        return false;
      }
      taken.add(item);
    }
    held.put(orderId, List.copyOf(taken));
    return true;
  }
}
