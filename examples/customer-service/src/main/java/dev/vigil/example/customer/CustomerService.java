package dev.vigil.example.customer;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.bus.BusConsumer;
import dev.vigil.bus.JsonCodec;
import dev.vigil.bus.MessageBus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The Customer service: its HTTP API and its {@code OrderCreated} consumer, on any {@link
 * MessageBus} (the embedded bus, Kafka or SQS) and any {@link CustomerRepository}.
 *
 * <pre>{@code
 * try (CustomerService service =
 *     new CustomerService(CustomerConfig.fromEnvironment(), bus, Clock.systemUTC(), customers,
 *         CustomerService.LOOPBACK).start()) {
 *   HttpRequest.newBuilder(service.uri().resolve("/customer"))...
 * }
 * }</pre>
 *
 * <p>{@link #start()} declares what the service reads and writes — the topics {@value
 * Events#CUSTOMER_CREATED_TOPIC} and {@value Events#ORDER_REGISTERED_TOPIC}, the queue {@value
 * #ORDER_CREATED_QUEUE} subscribed to {@value Events#ORDER_CREATED_TOPIC} with its dead-letter
 * queue {@value #ORDER_CREATED_DLQ} — so that it runs on a fresh broker. Messages are plain JSON.
 */
public final class CustomerService implements AutoCloseable {
  /** The queue of {@code OrderCreated} messages the service consumes. */
  public static final String ORDER_CREATED_QUEUE = "customer--order-created";

  /** Where {@code OrderCreated} messages go after {@link CustomerConfig#maxReceiveCount()}. */
  public static final String ORDER_CREATED_DLQ = "customer--order-created--dlq";

  /** 127.0.0.1 on a free port: the default bind address. */
  public static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);

  private final CustomerConfig config;
  private final MessageBus bus;
  private final Clock clock;
  private final CustomerRepository customers;
  private final InetSocketAddress bindAddress;
  private final JsonCodec codec = JsonCodec.plain();
  private @Nullable BusConsumer consumer;
  private @Nullable HttpServer server;

  /**
   * Creates the service; nothing runs until {@link #start()}.
   *
   * @param config receive count and visibility timeout of its queue
   * @param bus the bus it publishes to and consumes from
   * @param clock the clock of the times it publishes
   * @param customers its store
   * @param bindAddress where the HTTP API listens, such as {@link #LOOPBACK}
   */
  public CustomerService(
      CustomerConfig config,
      MessageBus bus,
      Clock clock,
      CustomerRepository customers,
      InetSocketAddress bindAddress) {
    this.config = Objects.requireNonNull(config, "config must not be null");
    this.bus = Objects.requireNonNull(bus, "bus must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.customers = Objects.requireNonNull(customers, "customers must not be null");
    this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress must not be null");
  }

  /**
   * Declares the topics and queues, starts consuming {@code OrderCreated} and starts the HTTP API.
   *
   * @return this service, started
   * @throws IllegalStateException when it was started already
   * @throws UncheckedIOException when the HTTP server cannot bind
   */
  public CustomerService start() {
    if (server != null) {
      throw new IllegalStateException("the customer service is started already");
    }
    bus.createTopic(Events.CUSTOMER_CREATED_TOPIC);
    bus.createTopic(Events.ORDER_REGISTERED_TOPIC);
    bus.createQueue(config.orderCreatedQueue());
    bus.subscribe(Events.ORDER_CREATED_TOPIC, ORDER_CREATED_QUEUE);
    consumer =
        bus.consume(ORDER_CREATED_QUEUE, new OrderCreatedHandler(customers, bus, codec, clock));
    server = startHttpServer();
    return this;
  }

  private HttpServer startHttpServer() {
    try {
      HttpServer http = HttpServer.create(bindAddress, 0);
      // No executor: the server's own thread handles each request, and stop() ends it.
      http.createContext("/customer", new CustomerHttpApi(customers, bus, codec));
      http.start();
      return http;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + bindAddress, e);
    }
  }

  /**
   * Returns where the HTTP API listens, such as {@code http://127.0.0.1:54321/}.
   *
   * @return the base URI
   * @throws IllegalStateException before {@link #start()}
   */
  public URI uri() {
    HttpServer http = server;
    if (http == null) {
      throw new IllegalStateException("the customer service is not started");
    }
    InetSocketAddress address = http.getAddress();
    return URI.create("http://" + address.getHostString() + ":" + address.getPort() + "/");
  }

  /**
   * Stops the HTTP API and the consumer; the bus and the store stay open (they are the caller's).
   */
  @Override
  public void close() {
    HttpServer http = server;
    if (http != null) {
      http.stop(0);
    }
    BusConsumer running = consumer;
    if (running != null) {
      running.close();
    }
  }
}
