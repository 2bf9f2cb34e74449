package dev.vigil.example.order;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One line of an order: a product and how many of it.
 *
 * @param productId the product, e.g. {@code prod-789}
 * @param quantity how many, positive
 */
public record OrderItem(
    @JsonProperty("product_id") String productId, @JsonProperty("quantity") int quantity) {

  /**
   * Checks the line.
   *
   * @param productId the product, e.g. {@code prod-789}
   * @param quantity how many, positive
   */
  public OrderItem {
    if (productId == null || productId.isBlank()) {
      throw new IllegalArgumentException("product_id must not be blank, was " + productId);
    }
    if (quantity <= 0) {
      throw new IllegalArgumentException("quantity must be positive, was " + quantity);
    }
  }
}
