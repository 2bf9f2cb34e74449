package dev.vigil.doubles;

import dev.vigil.Vigil;
import dev.vigil.internal.Durations;
import java.time.Duration;
import java.util.Objects;

/**
 * Two connected in-memory byte channels, for testing protocol code without sockets: what one end
 * writes the other reads, every write and close is a timeline entry of source {@value #SOURCE}
 * (such as {@code client wrote 6 bytes "HELLO\n"}), and each end keeps what it wrote.
 *
 * <pre>{@code
 * try (FakeTransport transport = FakeTransport.pair(vigil)) {
 *   server.serve(transport.server());                    // the protocol under test
 *   transport.client().writeText("HELLO\n");
 *   assertThat(transport.client().awaitLine(Duration.ofSeconds(1))).isEqualTo("WORLD");
 *   assertThat(transport.server().writtenText()).isEqualTo("WORLD\n");
 * }
 * }</pre>
 *
 * <p>With a delivery delay, bytes (and the end of the stream) arrive that long after they were
 * written, in order, on the context's time. The pair registers with {@link Vigil#track} until
 * closed, so a forgotten pair is reported by leak checks and closed with the context.
 *
 * @since 0.1
 */
public final class FakeTransport implements AutoCloseable {
  /** The source of the transport's timeline entries. */
  public static final String SOURCE = "transport";

  private final Vigil vigil;
  private final TransportEnd client;
  private final TransportEnd server;

  private FakeTransport(Vigil vigil, long delayNanos) {
    this.vigil = vigil;
    Pipe toServer = new Pipe(vigil, delayNanos);
    Pipe toClient = new Pipe(vigil, delayNanos);
    this.client = new TransportEnd(vigil, "client", "server", toClient, toServer);
    this.server = new TransportEnd(vigil, "server", "client", toServer, toClient);
    vigil.track(this, "FakeTransport client <-> server");
  }

  /**
   * Opens a pair whose bytes arrive as soon as they are written.
   *
   * @param vigil the context whose timeline records the traffic and whose waits the ends use
   * @return the open pair
   */
  public static FakeTransport pair(Vigil vigil) {
    return pair(vigil, Duration.ZERO);
  }

  /**
   * Opens a pair whose bytes arrive {@code deliveryDelay} after they are written, on the context's
   * time (virtual time delivers them when the test drives it).
   *
   * @param vigil the context whose timeline, scheduler and waits the pair uses
   * @param deliveryDelay how long bytes travel; zero delivers at once
   * @return the open pair
   */
  public static FakeTransport pair(Vigil vigil, Duration deliveryDelay) {
    Objects.requireNonNull(vigil, "vigil must not be null");
    return new FakeTransport(vigil, Durations.nonNegativeNanos("deliveryDelay", deliveryDelay));
  }

  /**
   * Returns the end named {@code client}.
   *
   * @return the client end
   */
  public TransportEnd client() {
    return client;
  }

  /**
   * Returns the end named {@code server}.
   *
   * @return the server end
   */
  public TransportEnd server() {
    return server;
  }

  /**
   * Tells whether both ends are closed.
   *
   * @return {@code true} once both ends closed
   */
  public boolean isClosed() {
    return client.isClosed() && server.isClosed();
  }

  /** Closes both ends (blocked reads end) and unregisters the pair; closing twice does nothing. */
  @Override
  public void close() {
    client.close();
    server.close();
    vigil.untrack(this);
  }

  @Override
  public String toString() {
    return "FakeTransport[client <-> server" + (isClosed() ? ", closed" : "") + "]";
  }
}
