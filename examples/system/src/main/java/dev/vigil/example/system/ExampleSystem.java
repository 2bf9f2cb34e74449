package dev.vigil.example.system;

import dev.vigil.bus.MessageBus;
import dev.vigil.example.customer.CustomerConfig;
import dev.vigil.example.customer.CustomerService;
import dev.vigil.example.customer.JdbcCustomerRepository;
import dev.vigil.example.order.OrderConfig;
import dev.vigil.example.order.OrderService;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Both example services on one bus, with the outside world they talk to: a sandbox payment provider
 * that settles every payment a moment later, and a merchant inbox that prints what it is told. Each
 * service has its own in-memory H2 database. This is what {@link Main} starts for exploring the
 * system by hand; the suite wires each service on its own, with Vigil's parts.
 */
public final class ExampleSystem implements AutoCloseable {
  private static final String WEBHOOK_SECRET = "sandbox-secret";

  private final SandboxPaymentProvider provider;
  private final MerchantInbox merchant;
  private final CustomerService customers;
  private final OrderService orders;

  private ExampleSystem(
      MessageBus bus, Clock clock, ScheduledExecutorService scheduler, HttpClient http) {
    this.provider =
        SandboxPaymentProvider.start(http, scheduler, WEBHOOK_SECRET, Duration.ofMillis(500));
    this.merchant = MerchantInbox.start(System.out);
    JdbcCustomerRepository store = new JdbcCustomerRepository(database("customers"));
    store.createSchema();
    this.customers =
        new CustomerService(
                CustomerConfig.fromEnvironment(), bus, clock, store, CustomerService.LOOPBACK)
            .start();
    OrderConfig config =
        OrderConfig.fromEnvironment()
            .withPaymentProvider(provider.uri())
            .withMerchantNotifications(merchant.notificationsUri())
            .withWebhookSecret(WEBHOOK_SECRET);
    this.orders =
        OrderService.builder(config, bus)
            .clock(clock)
            .scheduler(scheduler)
            .dataSource(database("orders"))
            .httpClient(http)
            .build()
            .start();
  }

  /**
   * Starts the system on {@code bus}: the provider, the merchant, then both services, which declare
   * their topics and queues.
   *
   * @param bus the bus both services publish and consume on
   * @param clock the services' clock
   * @param scheduler the services' scheduler (payment timeouts) and the provider's
   * @param http the client the services and the provider call out with
   * @return the running system
   */
  public static ExampleSystem start(
      MessageBus bus, Clock clock, ScheduledExecutorService scheduler, HttpClient http) {
    return new ExampleSystem(bus, clock, scheduler, http);
  }

  /**
   * Returns the Customer service's base URI.
   *
   * @return such as {@code http://127.0.0.1:52731/}
   */
  public URI customers() {
    return customers.uri();
  }

  /**
   * Returns the Order service's base URI.
   *
   * @return such as {@code http://127.0.0.1:52732/}
   */
  public URI orders() {
    return orders.uri();
  }

  private static DataSource database(String name) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:example-" + name + ";DB_CLOSE_DELAY=-1");
    return h2;
  }

  /** Stops the services first, then what they call. */
  @Override
  public void close() {
    orders.close();
    customers.close();
    merchant.close();
    provider.close();
  }
}
