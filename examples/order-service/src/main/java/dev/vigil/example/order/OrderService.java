package dev.vigil.example.order;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.bus.BusConsumer;
import dev.vigil.bus.JsonCodec;
import dev.vigil.bus.MessageBus;
import dev.vigil.bus.MessageCodec;
import dev.vigil.bus.MessageHandler;
import dev.vigil.bus.ReceivedMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The Order service: its HTTP API and the consumers of the order flow, on a bus, clock, scheduler,
 * database and HTTP client given from outside.
 *
 * <pre>{@code
 * try (OrderService service = OrderService.builder(OrderConfig.fromEnvironment(), bus)
 *     .clock(clock).scheduler(scheduler).dataSource(dataSource).httpClient(http).build()) {
 *   service.start();
 *   URI orders = service.uri().resolve("/orders");
 * }
 * }</pre>
 *
 * <p>{@code POST /orders} publishes {@code order--created}, which fans out to billing (asks the
 * provider for the payment: {@code payment--initiated}), inventory (holds the stock) and shipping
 * (quotes a delivery date). The provider's webhook publishes {@code payment--completed}; fulfilment
 * then reserves ({@code inventory--reserved}) and makes the label ({@code
 * shipping--label-created}); notification tells the merchant ({@code notification--sent}). Every
 * event carries the order's correlation id.
 */
public final class OrderService implements AutoCloseable {
  private final OrderParts parts;
  private final MessageCodec codec = JsonCodec.plain();
  private final OrderStore orders = new OrderStore();
  private final FlowEvents events;
  private final SqlStockStore stock;
  private final Inventory inventory;
  private final List<BusConsumer> consumers = new ArrayList<>();
  private boolean declared;
  private @Nullable HttpServer server;
  private @Nullable ExecutorService httpThreads;
  private @Nullable ExecutorService notificationThread;
  private @Nullable NotificationDispatcher dispatcher;

  OrderService(OrderParts parts) {
    this.parts = parts;
    this.events = new BusFlowEvents(parts.bus(), codec);
    this.stock = new SqlStockStore(parts.dataSource(), parts.clock());
    this.inventory = new Inventory(stock, new AtomicStockReservation(stock));
  }

  /**
   * Starts building a service.
   *
   * @param config the settings
   * @param bus the bus it publishes and consumes on
   * @return the builder
   */
  public static OrderServiceBuilder builder(OrderConfig config, MessageBus bus) {
    return new OrderServiceBuilder(config, bus);
  }

  /**
   * Declares the flow's topics and queues, creates the inventory table, starts the consumers and
   * the HTTP server.
   *
   * @return this service
   */
  public synchronized OrderService start() {
    startApiOnly();
    startConsumers();
    return this;
  }

  /**
   * Starts only the HTTP API and what it publishes, without the flow's consumers: what the seed's
   * queue-drain test sees, where billing, shipping and inventory are other services not running.
   *
   * @return this service
   */
  public synchronized OrderService startApiOnly() {
    if (server != null) {
      throw new IllegalStateException("the service is already started");
    }
    declareQueues();
    stock.createTable(parts.config().initialStock());
    startHttp();
    return this;
  }

  /**
   * Creates the flow's topics, queues and subscriptions, once; {@link #start()} does it too. Call
   * it first to purge the queues before the consumers start, as a test on a shared broker does.
   *
   * @return this service
   */
  public synchronized OrderService declareQueues() {
    if (!declared) {
      OrderQueues.declare(parts.bus(), parts.config());
      declared = true;
    }
    return this;
  }

  /**
   * Returns the base URI of the HTTP API.
   *
   * @return e.g. {@code http://127.0.0.1:52731/}
   * @throws IllegalStateException before {@link #start()}
   */
  public URI uri() {
    HttpServer running = server;
    if (running == null) {
      throw new IllegalStateException("the service is not started");
    }
    InetSocketAddress address = running.getAddress();
    return URI.create("http://" + address.getHostString() + ":" + address.getPort() + "/");
  }

  /**
   * Returns the orders the service keeps.
   *
   * @return the store
   */
  public OrderStore orders() {
    return orders;
  }

  /** Stops the consumers, the notification worker and the HTTP server. */
  @Override
  public synchronized void close() {
    closeTogether(consumers);
    consumers.clear();
    if (dispatcher != null) {
      dispatcher.close();
    }
    if (server != null) {
      server.stop(0);
    }
    stopAll(notificationThread, httpThreads);
  }

  private void startHttp() {
    OrderHttpApi api =
        new OrderHttpApi(orders, events, new WebhookSignatures(parts.config().webhookSecret()));
    try {
      HttpServer http = HttpServer.create(parts.bindAddress(), 0);
      http.createContext("/orders", api::orders);
      http.createContext("/payments/webhook", api::paymentWebhook);
      httpThreads = Executors.newFixedThreadPool(4, named("order-http"));
      http.setExecutor(httpThreads);
      http.start();
      server = http;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + parts.bindAddress(), e);
    }
  }

  private void startConsumers() {
    OrderConfig config = parts.config();
    PaymentGateway payments =
        new PaymentGateway(parts.paymentProvider(), parts.scheduler(), config.paymentTimeout());
    Billing billing =
        new Billing(payments, events, orders, codec, uri().resolve("/payments/webhook"));
    Shipping shipping = new Shipping(parts.clock(), config.deliveryDays());
    Fulfilment fulfilment =
        new Fulfilment(
            inventory, shipping, parts.carrierSlots(), config.carrierSlotWait(), events, orders);
    consume(OrderQueues.BILLING_ORDER_CREATED, billing::handle);
    consume(OrderQueues.INVENTORY_ORDER_CREATED, message -> holdStock(decode(message)));
    consume(
        OrderQueues.SHIPPING_ORDER_CREATED,
        message -> orders.estimateDelivery(decode(message).orderId(), shipping.quoteDelivery()));
    consume(
        OrderQueues.FULFILMENT_PAYMENT_COMPLETED,
        message -> {
          if (!fulfilment.fulfil(decode(message), correlationId(message))) {
            throw new IllegalStateException("no carrier slot came free: retried later");
          }
        });
    NotificationDispatcher notifications = startDispatcher();
    consume(
        OrderQueues.NOTIFICATION_LABEL_CREATED,
        message -> notifications.submit(new Notification(decode(message), correlationId(message))));
  }

  private NotificationDispatcher startDispatcher() {
    NotificationDispatcher started =
        new NotificationDispatcher(
            parts.notificationQueue(),
            new HttpMerchantNotifier(parts.httpClient(), parts.config().merchantNotificationUri()),
            delivered -> {
              String orderId = delivered.labelled().orderId();
              events.publish(
                  EventType.NOTIFICATION_SENT, delivered.labelled(), delivered.correlationId());
              orders.advance(orderId, OrderStatus.COMPLETED);
            });
    notificationThread = Executors.newSingleThreadExecutor(named("order-notifications"));
    started.start(notificationThread);
    dispatcher = started;
    return started;
  }

  private void holdStock(OrderEvent created) {
    if (!inventory.reserve(created.orderId(), created.items())) {
      orders.advance(created.orderId(), OrderStatus.OUT_OF_STOCK);
    }
  }

  private void consume(String queue, MessageHandler handler) {
    consumers.add(parts.bus().consume(queue, handler));
  }

  private OrderEvent decode(ReceivedMessage message) {
    return message.decode(codec, OrderEvent.class);
  }

  private String correlationId(ReceivedMessage message) {
    return CorrelationIds.of(message, decode(message).orderId());
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> new Thread(task, prefix + "-" + count.incrementAndGet());
  }

  /**
   * Closes the consumers at once: each close waits for its consumer's receive to return (a long
   * poll on SQS), so together the service waits for one, not for each in turn.
   */
  private static void closeTogether(List<BusConsumer> running) {
    List<Thread> closing = new ArrayList<>();
    for (BusConsumer consumer : running) {
      Thread thread = new Thread(consumer::close, "order-close-" + consumer.queue());
      thread.start();
      closing.add(thread);
    }
    try {
      for (Thread thread : closing) {
        thread.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void stopAll(@Nullable ExecutorService... executors) {
    for (ExecutorService executor : executors) {
      if (executor != null) {
        executor.shutdownNow();
      }
    }
    try {
      for (ExecutorService executor : executors) {
        if (executor != null) {
          executor.awaitTermination(5, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
