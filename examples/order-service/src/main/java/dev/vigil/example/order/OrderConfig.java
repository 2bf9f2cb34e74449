package dev.vigil.example.order;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The Order service's settings, with production defaults; {@link #fromEnvironment()} reads each
 * from an environment variable or, failing that, a system property of the same name.
 *
 * @param paymentProviderUri the payment provider's base URI ({@code ORDER_PAYMENT_PROVIDER_URL})
 * @param paymentTimeout how long billing waits for the provider ({@code
 *     ORDER_PAYMENT_TIMEOUT_SECONDS}, 10)
 * @param webhookSecret the secret the provider signs its webhook with ({@code
 *     ORDER_WEBHOOK_SECRET})
 * @param merchantNotificationUri where the merchant is told an order ships ({@code
 *     ORDER_MERCHANT_NOTIFICATION_URL})
 * @param visibilityTimeout the queues' visibility timeout ({@code AWS_SQS_VISIBILITY_TIMEOUT}, 30)
 * @param maxReceiveCount deliveries before a message is dead-lettered ({@code
 *     AWS_SQS_MAX_RECEIVE_COUNT}, 3)
 * @param carrierSlots labels the carrier makes at once ({@code ORDER_CARRIER_SLOTS}, 4)
 * @param carrierSlotWait how long fulfilment waits for a slot before giving the stock back and
 *     retrying ({@code ORDER_CARRIER_SLOT_WAIT_SECONDS}, 20)
 * @param deliveryDays days from order to delivery that shipping quotes ({@code
 *     ORDER_DELIVERY_DAYS}, 3)
 * @param initialStock the stock the inventory table starts with when a product has no row
 */
public record OrderConfig(
    URI paymentProviderUri,
    Duration paymentTimeout,
    String webhookSecret,
    URI merchantNotificationUri,
    Duration visibilityTimeout,
    int maxReceiveCount,
    int carrierSlots,
    Duration carrierSlotWait,
    int deliveryDays,
    Map<String, Integer> initialStock) {

  /**
   * Checks every setting.
   *
   * @param paymentProviderUri the payment provider's base URI ({@code ORDER_PAYMENT_PROVIDER_URL})
   * @param paymentTimeout how long billing waits for the provider ({@code
   *     ORDER_PAYMENT_TIMEOUT_SECONDS}, 10)
   * @param webhookSecret the secret the provider signs its webhook with ({@code
   *     ORDER_WEBHOOK_SECRET})
   * @param merchantNotificationUri where the merchant is told an order ships ({@code
   *     ORDER_MERCHANT_NOTIFICATION_URL})
   * @param visibilityTimeout the queues' visibility timeout ({@code AWS_SQS_VISIBILITY_TIMEOUT},
   *     30)
   * @param maxReceiveCount deliveries before a message is dead-lettered ({@code
   *     AWS_SQS_MAX_RECEIVE_COUNT}, 3)
   * @param carrierSlots labels the carrier makes at once ({@code ORDER_CARRIER_SLOTS}, 4)
   * @param carrierSlotWait how long fulfilment waits for a slot before giving the stock back and
   *     retrying ({@code ORDER_CARRIER_SLOT_WAIT_SECONDS}, 20)
   * @param deliveryDays days from order to delivery that shipping quotes ({@code
   *     ORDER_DELIVERY_DAYS}, 3)
   * @param initialStock the stock the inventory table starts with when a product has no row
   */
  public OrderConfig {
    Objects.requireNonNull(paymentProviderUri, "paymentProviderUri must not be null");
    Objects.requireNonNull(merchantNotificationUri, "merchantNotificationUri must not be null");
    positive("paymentTimeout", paymentTimeout);
    positive("visibilityTimeout", visibilityTimeout);
    positive("carrierSlotWait", carrierSlotWait);
    if (webhookSecret == null || webhookSecret.isEmpty()) {
      throw new IllegalArgumentException("webhookSecret must not be empty");
    }
    atLeastOne("maxReceiveCount", maxReceiveCount);
    atLeastOne("carrierSlots", carrierSlots);
    atLeastOne("deliveryDays", deliveryDays);
    initialStock = Map.copyOf(initialStock);
  }

  /**
   * Returns the production defaults: a provider and a merchant on localhost, a 10 s payment
   * timeout, 30 s visibility, 3 receives, and 100 of {@code prod-789} in stock.
   *
   * @return the defaults
   */
  public static OrderConfig defaults() {
    return new OrderConfig(
        URI.create("http://localhost:8081"),
        Duration.ofSeconds(10),
        "change-me",
        URI.create("http://localhost:8082/notifications"),
        Duration.ofSeconds(30),
        3,
        4,
        Duration.ofSeconds(20),
        3,
        Map.of("prod-789", 100, "prod-123", 50));
  }

  /**
   * Returns the defaults overridden by environment variables or system properties.
   *
   * @return the settings
   */
  public static OrderConfig fromEnvironment() {
    return from(
        name -> System.getenv(name) != null ? System.getenv(name) : System.getProperty(name));
  }

  static OrderConfig from(Function<String, @Nullable String> lookup) {
    OrderConfig d = defaults();
    return new OrderConfig(
        URI.create(or(lookup, "ORDER_PAYMENT_PROVIDER_URL", d.paymentProviderUri().toString())),
        Duration.ofSeconds(
            Long.parseLong(
                or(lookup, "ORDER_PAYMENT_TIMEOUT_SECONDS", "" + d.paymentTimeout().toSeconds()))),
        or(lookup, "ORDER_WEBHOOK_SECRET", d.webhookSecret()),
        URI.create(
            or(lookup, "ORDER_MERCHANT_NOTIFICATION_URL", d.merchantNotificationUri().toString())),
        Duration.ofSeconds(Long.parseLong(or(lookup, "AWS_SQS_VISIBILITY_TIMEOUT", "30"))),
        Integer.parseInt(or(lookup, "AWS_SQS_MAX_RECEIVE_COUNT", "3")),
        Integer.parseInt(or(lookup, "ORDER_CARRIER_SLOTS", "" + d.carrierSlots())),
        Duration.ofSeconds(Long.parseLong(or(lookup, "ORDER_CARRIER_SLOT_WAIT_SECONDS", "20"))),
        Integer.parseInt(or(lookup, "ORDER_DELIVERY_DAYS", "" + d.deliveryDays())),
        d.initialStock());
  }

  /**
   * Returns these settings with another payment provider.
   *
   * @param uri the provider's base URI
   * @return the copy
   */
  public OrderConfig withPaymentProvider(URI uri) {
    return new OrderConfig(
        uri,
        paymentTimeout,
        webhookSecret,
        merchantNotificationUri,
        visibilityTimeout,
        maxReceiveCount,
        carrierSlots,
        carrierSlotWait,
        deliveryDays,
        initialStock);
  }

  /**
   * Returns these settings with another merchant notification endpoint.
   *
   * @param uri where the merchant is notified
   * @return the copy
   */
  public OrderConfig withMerchantNotifications(URI uri) {
    return new OrderConfig(
        paymentProviderUri,
        paymentTimeout,
        webhookSecret,
        uri,
        visibilityTimeout,
        maxReceiveCount,
        carrierSlots,
        carrierSlotWait,
        deliveryDays,
        initialStock);
  }

  /**
   * Returns these settings with another webhook secret.
   *
   * @param secret the secret the provider signs with
   * @return the copy
   */
  public OrderConfig withWebhookSecret(String secret) {
    return new OrderConfig(
        paymentProviderUri,
        paymentTimeout,
        secret,
        merchantNotificationUri,
        visibilityTimeout,
        maxReceiveCount,
        carrierSlots,
        carrierSlotWait,
        deliveryDays,
        initialStock);
  }

  private static String or(
      Function<String, @Nullable String> lookup, String name, String fallback) {
    String value = lookup.apply(name);
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  private static void positive(String name, Duration value) {
    Objects.requireNonNull(value, name + " must not be null");
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }

  private static void atLeastOne(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, was " + value);
    }
  }
}
