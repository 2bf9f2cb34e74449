package dev.vigil.sqs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

class FailuresTest {

  @Test
  void an_sdk_client_failure_over_an_io_error_says_the_endpoint_is_unreachable() {
    SdkClientException failure =
        SdkClientException.create(
            "Unable to execute HTTP request", new ConnectException("refused"));

    assertThat(Failures.of("http://127.0.0.1:1", "receive from queue 'orders'", failure))
        .hasMessage(
            "cannot receive from queue 'orders': endpoint http://127.0.0.1:1 is unreachable"
                + " (ConnectException: refused)")
        .hasCause(failure);
  }

  /**
   * The JDK HTTP client may let an I/O failure through unwrapped when the endpoint stops while a
   * long poll is being answered; a consumer then recorded only "java.net.ConnectException: …".
   */
  @Test
  void an_io_failure_the_http_client_lets_through_also_names_the_endpoint() {
    UncheckedIOException failure =
        new UncheckedIOException(new ConnectException("Connection refused"));

    assertThat(Failures.of("http://127.0.0.1:1", "receive from queue 'orders'", failure))
        .hasMessage(
            "cannot receive from queue 'orders': endpoint http://127.0.0.1:1 is unreachable"
                + " (ConnectException: Connection refused)");
  }
}
