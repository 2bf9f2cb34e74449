package dev.vigil.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import dev.vigil.bus.BusConsumer;
import dev.vigil.bus.BusException;
import dev.vigil.bus.BusTestClient;
import dev.vigil.bus.Message;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Endpoints that do not answer, or stop answering: clear errors, nothing hangs. */
class SqsFaultTest {
  @AutoClose private final Vigil vigil = Vigil.create();

  @Test
  void an_unreachable_endpoint_fails_naming_it_within_five_seconds() throws IOException {
    URI closed = URI.create("http://127.0.0.1:" + closedPort());
    long start = System.nanoTime();
    try (SqsBus bus = SqsBus.connect(vigil, SqsEndpoint.of(closed))) {
      assertThatThrownBy(() -> bus.send("orders", Message.of("o-1")))
          .isInstanceOf(BusException.class)
          .hasMessageStartingWith(
              "cannot find queue 'orders': endpoint " + closed + " is unreachable (")
          .hasMessageContaining("Connection refused");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void a_stopped_endpoint_is_reported_by_the_consumer_and_a_wait_ends_at_its_deadline() {
    EmbeddedSqs sqs = EmbeddedSqs.start();
    try (SqsBus bus = SqsBus.connect(vigil, sqs.endpoint())) {
      bus.createQueue("orders");
      BusConsumer consumer = bus.consume("orders", message -> {});
      bus.send("orders", Message.of("o-1"));
      vigil.eventually(() -> consumer.acknowledged() == 1).within(Duration.ofSeconds(10));

      sqs.stop();

      vigil
          .eventually(() -> !vigil.timeline().byType(SqsEntries.endpointFailed("orders")).isEmpty())
          .within(Duration.ofSeconds(10));
      assertThat(vigil.timeline().byType(SqsEntries.endpointFailed("orders")))
          .singleElement()
          .satisfies(
              entry -> {
                assertThat(entry.summary()).contains(sqs.uri().toString());
                assertThat(entry.attributes()).containsEntry("backend", "sqs");
              });
      long start = System.nanoTime();
      assertThatThrownBy(
              () ->
                  BusTestClient.of(vigil, bus)
                      .drain("orders", 1, Duration.ofSeconds(2), String.class))
          .isInstanceOf(BusException.class)
          .hasMessageStartingWith(
              "cannot receive from queue 'orders': endpoint " + sqs.uri() + " is unreachable (");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
    } finally {
      sqs.stop();
    }
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().startsWith("vigil-sqs-consumer-orders-"));
  }

  @Test
  void bad_endpoints_are_refused_naming_the_parameter_and_value() {
    assertThatThrownBy(() -> SqsEndpoint.of(URI.create("ftp://127.0.0.1:1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("uri must be an http or https URI with a host, was ftp://127.0.0.1:1");
    assertThatThrownBy(() -> SqsEndpoint.aws("EU West"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "region must be lower-case letters, digits and hyphens, such as eu-west-1, was 'EU"
                + " West'");
    assertThatThrownBy(
            () -> SqsEndpoint.of(URI.create("http://127.0.0.1:1")).withCredentials("key", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("secretKey must not be blank, was ' '");
    assertThatThrownBy(
            () ->
                SqsEndpoint.of(URI.create("http://127.0.0.1:1")).withConnectTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("connectTimeout must be positive and at most PT1M, was PT0S");
  }

  @Test
  void an_endpoint_says_whether_it_has_sns() {
    SqsEndpoint local = SqsEndpoint.of(URI.create("http://127.0.0.1:4566"));
    assertThat(local.hasSns()).isFalse();
    assertThat(local.withSns(URI.create("http://127.0.0.1:4566")).hasSns()).isTrue();
    assertThat(SqsEndpoint.aws("eu-west-1").hasSns()).isTrue();
    assertThat(SqsEndpoint.aws("eu-west-1")).hasToString("AWS SQS eu-west-1");
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
