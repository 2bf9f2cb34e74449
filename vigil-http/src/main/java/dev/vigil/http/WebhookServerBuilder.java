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

  /**
   * The default grace under virtual time: how long a wait gives senders on real threads, in real
   * time, before it lets the virtual clock move on.
   */
  public static final Duration DEFAULT_SENDER_GRACE = Duration.ofMillis(250);

  /** The settings, as the server reads them. */
  record Config(
      Vigil vigil,
      InetAddress address,
      int port,
      boolean https,
      long bodyLimit,
      Duration readTimeout,
      Duration senderGrace) {}

  private final Vigil vigil;
  private final Function<Config, WebhookServer> starter;
  private InetAddress address = InetAddress.getLoopbackAddress();
  private int port;
  private boolean https;
  private long bodyLimit = DEFAULT_BODY_LIMIT;
  private Duration readTimeout = DEFAULT_READ_TIMEOUT;
  private Duration senderGrace = DEFAULT_SENDER_GRACE;

  WebhookServerBuilder(Vigil vigil, Function<Config, WebhookServer> starter) {
    this.vigil = vigil;
    this.starter = starter;
  }

  /**
   * Serves HTTPS with a self-signed certificate generated at start; clients trust it through {@link
   * WebhookServer#clientSslContext()}.
   *
   * @return this builder
   */
  public WebhookServerBuilder https() {
    this.https = true;
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
    this.address = address;
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
    this.port = port;
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
    this.bodyLimit = bytes;
    return this;
  }

  /**
   * Closes a connection whose next request has not fully arrived within {@code timeout}: an idle
   * keep-alive connection silently, a stalled or too slow request with {@code 408}, recorded as a
   * rejection. Measured on the wall clock, even under virtual time, since it guards sockets;
   * checked by one thread per server, so a stall is cut within 125 % of the timeout.
   *
   * @param timeout positive
   * @return this builder
   */
  public WebhookServerBuilder readTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout must not be null");
    if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() < 1) {
      throw new IllegalArgumentException("timeout must be at least 1 ms, was " + timeout);
    }
    this.readTimeout = timeout;
    return this;
  }

  /**
   * Under virtual time, sets how long the server's waits give senders on real threads, in real
   * time, before the virtual clock may move on (to the deadline, or to the next scheduled task):
   * real I/O takes real time, which a clock that jumps at once would deny it. A request that
   * arrives ends the grace at once, so it costs time only when no request comes: in a timeout, in
   * {@link WebhookServer#expectNoRequest}, and before each virtual task a wait runs. Ignored under
   * real time, where waits simply park until a request arrives.
   *
   * @param grace zero or positive
   * @return this builder
   */
  public WebhookServerBuilder senderGrace(Duration grace) {
    Objects.requireNonNull(grace, "grace must not be null");
    if (grace.isNegative()) {
      throw new IllegalArgumentException("grace must not be negative, was " + grace);
    }
    this.senderGrace = grace;
    return this;
  }

  /**
   * Binds and starts the server.
   *
   * @return the running server
   * @throws java.io.UncheckedIOException when the address or port cannot be bound
   */
  public WebhookServer start() {
    return starter.apply(
        new Config(vigil, address, port, https, bodyLimit, readTimeout, senderGrace));
  }
}
