package dev.vigil.example.order;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.net.URI;

/**
 * What billing asks the payment provider for: charge an order, then call back.
 *
 * @param orderId the order
 * @param amount the amount to charge
 * @param callbackUrl the service's webhook, which the provider calls when the payment completes
 * @param correlationId the order's correlation id, sent as a header rather than in the body
 */
public record PaymentRequest(
    @JsonProperty("order_id") String orderId,
    @JsonProperty("amount") BigDecimal amount,
    @JsonProperty("callback_url") URI callbackUrl,
    @JsonIgnore String correlationId) {}
