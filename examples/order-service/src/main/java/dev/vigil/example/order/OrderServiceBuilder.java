package dev.vigil.example.order;

import dev.vigil.bus.MessageBus;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Collects what an {@link OrderService} takes from outside. The scheduler, database and HTTP client
 * are required; the rest has defaults.
 */
public final class OrderServiceBuilder {
  private final OrderConfig config;
  private final MessageBus bus;
  private Clock clock = Clock.systemUTC();
  private @Nullable ScheduledExecutorService scheduler;
  private @Nullable DataSource dataSource;
  private @Nullable HttpClient httpClient;
  private InetSocketAddress bindAddress =
      new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  private @Nullable BlockingQueue<Notification> notificationQueue;
  private @Nullable PaymentProvider paymentProvider;
  private @Nullable Semaphore carrierSlots;

  OrderServiceBuilder(OrderConfig config, MessageBus bus) {
    this.config = Objects.requireNonNull(config, "config must not be null");
    this.bus = Objects.requireNonNull(bus, "bus must not be null");
  }

  /**
   * Sets the clock (default: the system's, in UTC).
   *
   * @param value the clock
   * @return this builder
   */
  public OrderServiceBuilder clock(Clock value) {
    clock = Objects.requireNonNull(value, "clock must not be null");
    return this;
  }

  /**
   * Sets the scheduler the payment timeout runs on (required).
   *
   * @param value the scheduler
   * @return this builder
   */
  public OrderServiceBuilder scheduler(ScheduledExecutorService value) {
    scheduler = Objects.requireNonNull(value, "scheduler must not be null");
    return this;
  }

  /**
   * Sets the database that holds the {@code inventory} table (required).
   *
   * @param value the database
   * @return this builder
   */
  public OrderServiceBuilder dataSource(DataSource value) {
    dataSource = Objects.requireNonNull(value, "dataSource must not be null");
    return this;
  }

  /**
   * Sets the HTTP client for the payment provider and the merchant (required).
   *
   * @param value the client
   * @return this builder
   */
  public OrderServiceBuilder httpClient(HttpClient value) {
    httpClient = Objects.requireNonNull(value, "httpClient must not be null");
    return this;
  }

  /**
   * Sets where the HTTP API listens (default: 127.0.0.1, a free port).
   *
   * @param value the address
   * @return this builder
   */
  public OrderServiceBuilder bindAddress(InetSocketAddress value) {
    bindAddress = Objects.requireNonNull(value, "bindAddress must not be null");
    return this;
  }

  /**
   * Sets the bounded queue of notices to the merchant (default: 100 places).
   *
   * @param value the queue
   * @return this builder
   */
  public OrderServiceBuilder notificationQueue(BlockingQueue<Notification> value) {
    notificationQueue = Objects.requireNonNull(value, "notificationQueue must not be null");
    return this;
  }

  /**
   * Sets the payment provider (default: {@link HttpPaymentProvider} at the configured URI).
   *
   * @param value the provider
   * @return this builder
   */
  public OrderServiceBuilder paymentProvider(PaymentProvider value) {
    paymentProvider = Objects.requireNonNull(value, "paymentProvider must not be null");
    return this;
  }

  /**
   * Sets the carrier's label slots (default: {@link OrderConfig#carrierSlots()} permits).
   *
   * @param value the slots
   * @return this builder
   */
  public OrderServiceBuilder carrierSlots(Semaphore value) {
    carrierSlots = Objects.requireNonNull(value, "carrierSlots must not be null");
    return this;
  }

  /**
   * Builds the service, not yet started.
   *
   * @return the service
   * @throws IllegalStateException when a required part is missing
   */
  public OrderService build() {
    HttpClient http = required(httpClient, "httpClient");
    return new OrderService(
        new OrderParts(
            config,
            bus,
            clock,
            required(scheduler, "scheduler"),
            required(dataSource, "dataSource"),
            http,
            bindAddress,
            notificationQueue != null ? notificationQueue : new ArrayBlockingQueue<>(100),
            paymentProvider != null
                ? paymentProvider
                : new HttpPaymentProvider(http, config.paymentProviderUri()),
            carrierSlots != null ? carrierSlots : new Semaphore(config.carrierSlots())));
  }

  private static <T> T required(@Nullable T value, String name) {
    if (value == null) {
      throw new IllegalStateException(name + " is required: call " + name + "(...) before build()");
    }
    return value;
  }
}
