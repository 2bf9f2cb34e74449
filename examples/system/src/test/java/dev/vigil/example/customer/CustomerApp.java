package dev.vigil.example.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.Vigil;
import dev.vigil.bus.MessageBus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The Customer service as the suite runs it: started on the test's bus and clock with a fresh H2
 * store (which a test may take down: {@link UnreliableStore}), its queues purged first (a shared
 * broker keeps messages between tests: the seed's pitfall 2), and its HTTP API called the way the
 * seed's {@code httpx} client does.
 */
final class CustomerApp implements AutoCloseable {
  /**
   * The seed's autotest environment ({@code AWS_SQS_MAX_RECEIVE_COUNT=1}, a short {@code
   * AWS_SQS_VISIBILITY_TIMEOUT}): a failed message is dead-lettered at its next receive. SQS rounds
   * the visibility timeout up to one second; the embedded bus keeps it short.
   */
  static final CustomerConfig AUTOTEST =
      CustomerConfig.defaults()
          .withMaxReceiveCount(1)
          .withVisibilityTimeout(Duration.ofMillis(100));

  /** One client for the whole run: the JDK's client keeps a selector thread and has no close. */
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcDataSource database;
  private final UnreliableStore customers;
  private final CustomerService service;

  private CustomerApp(JdbcDataSource database, CustomerService service, UnreliableStore customers) {
    this.database = database;
    this.service = service;
    this.customers = customers;
  }

  /**
   * Starts the service on {@code bus} with {@code config}, after purging its queues.
   *
   * @param vigil the test's context, whose clock the service reads
   * @param bus the test's bus
   * @param config the receive count and visibility timeout
   * @return the running service
   */
  static CustomerApp start(Vigil vigil, MessageBus bus, CustomerConfig config) {
    bus.createQueue(config.orderCreatedQueue());
    bus.purge(CustomerService.ORDER_CREATED_QUEUE);
    bus.purge(CustomerService.ORDER_CREATED_DLQ);
    JdbcDataSource database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:customers-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    JdbcCustomerRepository jdbc = new JdbcCustomerRepository(database);
    jdbc.createSchema();
    UnreliableStore customers = new UnreliableStore(jdbc);
    CustomerService service =
        new CustomerService(config, bus, vigil.clock(), customers, CustomerService.LOOPBACK);
    return new CustomerApp(database, service.start(), customers);
  }

  /**
   * Returns the service's store, for a test that arranges state behind the API or takes the store
   * down.
   */
  UnreliableStore customers() {
    return customers;
  }

  /**
   * Calls {@code POST /customer} with {@code {"name": name}}, expects 200 and returns the new id.
   *
   * @param name the customer's name
   * @return the new customer's id
   */
  String createCustomer(String name) {
    return createCustomer(name, null);
  }

  /**
   * Calls {@code POST /customer} in the flow {@code correlationId}, expects 200 and returns the new
   * id.
   *
   * @param name the customer's name
   * @param correlationId the {@code correlation-id} header, or {@code null} for none
   * @return the new customer's id
   */
  String createCustomer(String name, String correlationId) {
    HttpRequest.Builder request =
        request("/customer").POST(BodyPublishers.ofString("{\"name\": \"" + name + "\"}"));
    if (correlationId != null) {
      request.header("correlation-id", correlationId);
    }
    Response response = send(request);
    assertThat(response.status()).as("POST /customer status").isEqualTo(200);
    return (String) response.body().get("customer_id");
  }

  /**
   * Sends a POST with a JSON body.
   *
   * @param path the path, such as {@code /customer}
   * @param json the body
   * @return the status and the parsed JSON body
   */
  Response post(String path, String json) {
    return send(request(path).POST(BodyPublishers.ofString(json)));
  }

  /**
   * Sends a GET.
   *
   * @param path the path, such as {@code /customer/c-1}
   * @return the status and the parsed JSON body
   */
  Response get(String path) {
    return send(request(path).GET());
  }

  private HttpRequest.Builder request(String path) {
    URI uri = service.uri().resolve(path);
    return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5));
  }

  private static Response send(HttpRequest.Builder request) {
    try {
      var response = HTTP.send(request.build(), BodyHandlers.ofString());
      return new Response(
          response.statusCode(), JSON.readValue(response.body(), new TypeReference<>() {}));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling the customer service", e);
    }
  }

  @Override
  public void close() throws SQLException {
    service.close();
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("SHUTDOWN");
    }
  }

  /**
   * An HTTP response of the API.
   *
   * @param status the status code
   * @param body the JSON body, parsed
   */
  record Response(int status, Map<String, Object> body) {}
}
