package dev.vigil.http;

import dev.vigil.Vigil;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * Configures a {@link WebhookServer} before it starts: HTTPS, address, port, body limit and read
 * timeout. Every setting has a default suited to a test: loopback, a free port, plain HTTP, 1 MiB,
 * 30 seconds.
 *
 * <pre>{@code
 * WebhookServer server = WebhookServer.builder(vigil).https().bodyLimit(4 << 20).start();
 * HttpClient client = HttpClient.newBuilder().sslContext(server.clientSslContext()).build();
 * }</pre>
 *
 * @since 0.1
 */
public final class WebhookServerBuilder {
  /** The default body limit, 1 MiB. */
  public static final long DEFAULT_BODY_LIMIT = 1 << 20;

  /** The default read timeout, after which a silent or stalled connection is closed. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

  /** The settings, as the server reads them. */
  record Config(
      Vigil vigil,
      InetAddress address,
      int port,
      boolean https,
      long bodyLimit,
      Duration readTimeout) {}

  private final Function<Config, WebhookServer> starter;
  private Config config;

  WebhookServerBuilder(Vigil vigil, Function<Config, WebhookServer> starter) {
    this.starter = starter;
    this.config =
        new Config(
            vigil,
            InetAddress.getLoopbackAddress(),
            0,
            false,
            DEFAULT_BODY_LIMIT,
            DEFAULT_READ_TIMEOUT);
  }

  /**
   * Serves HTTPS with a self-signed certificate generated at start; clients trust it through {@link
   * WebhookServer#clientSslContext()}.
   *
   * @return this builder
   */
  public WebhookServerBuilder https() {
    config =
        new Config(
            config.vigil(),
            config.address(),
            config.port(),
            true,
            config.bodyLimit(),
            config.readTimeout());
    return this;
  }

  /**
   * Binds to {@code address} instead of loopback, for senders in containers or on other hosts.
   *
   * @param address such as {@code InetAddress.getByName("0.0.0.0")}
   * @return this builder
   */
  public WebhookServerBuilder bindTo(InetAddress address) {
    Objects.requireNonNull(address, "address must not be null");
    config =
        new Config(
            config.vigil(),
            address,
            config.port(),
            config.https(),
            config.bodyLimit(),
            config.readTimeout());
    return this;
  }

  /**
   * Listens on {@code port} instead of a free one.
   *
   * @param port 1 to 65535, or 0 for a free port
   * @return this builder
   */
  public WebhookServerBuilder port(int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
    }
    config =
        new Config(
            config.vigil(),
            config.address(),
            port,
            config.https(),
            config.bodyLimit(),
            config.readTimeout());
    return this;
  }

  /**
   * Refuses bodies larger than {@code bytes} with {@code 413}, recorded as a rejection.
   *
   * @param bytes at least 0
   * @return this builder
   */
  public WebhookServerBuilder bodyLimit(long bytes) {
    if (bytes < 0 || bytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "bytes must be between 0 and " + (Integer.MAX_VALUE - 8) + ", was " + bytes);
    }
    config =
        new Config(
            config.vigil(),
            config.address(),
            config.port(),
            config.https(),
            bytes,
            config.readTimeout());
    return this;
  }

  /**
   * Closes a connection that sends nothing for {@code timeout}: an idle keep-alive connection
   * silently, a stalled request with {@code 408}, recorded as a rejection. Measured on the wall
   * clock, even under virtual time, since it guards sockets.
   *
   * @param timeout positive
   * @return this builder
   */
  public WebhookServerBuilder readTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout must not be null");
    if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() < 1) {
      throw new IllegalArgumentException("timeout must be at least 1 ms, was " + timeout);
    }
    config =
        new Config(
            config.vigil(),
            config.address(),
            config.port(),
            config.https(),
            config.bodyLimit(),
            timeout);
    return this;
  }

  /**
   * Binds and starts the server.
   *
   * @return the running server
   * @throws java.io.UncheckedIOException when the address or port cannot be bound
   */
  public WebhookServer start() {
    return starter.apply(config);
  }
}
