package dev.vigil.http;

import dev.vigil.Vigil;
import dev.vigil.http.internal.ConnectionServer;
import dev.vigil.http.internal.SelfSignedCertificate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/** What a server and all its namespace views share: the socket, journal, routes and TLS. */
final class ServerState {
  private final WebhookServerBuilder.Config config;
  private final Journal journal = new Journal();
  private final Routes routes = new Routes();
  private final ResponseDelays delays;
  private final @Nullable SelfSignedCertificate tls;
  private final ConnectionServer connections;
  private final URI baseUri;

  private ServerState(WebhookServerBuilder.Config config) throws IOException {
    this.config = config;
    this.delays = new ResponseDelays(config.vigil().time());
    this.tls =
        config.https() ? SelfSignedCertificate.generate(config.vigil().time().instant()) : null;
    Exchanges exchanges = new Exchanges(config.vigil(), journal, routes, delays);
    this.connections =
        ConnectionServer.start(
            config.address(),
            config.port(),
            tls == null ? null : tls.serverContext(),
            config.bodyLimit(),
            config.readTimeout(),
            exchanges);
    this.baseUri = baseUriOf(config, connections.port());
  }

  /** The context the server records into and waits on. */
  Vigil vigil() {
    return config.vigil();
  }

  static ServerState start(WebhookServerBuilder.Config config) {
    try {
      return new ServerState(config);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen on " + config.address().getHostAddress() + " port " + config.port(), e);
    }
  }

  private static URI baseUriOf(WebhookServerBuilder.Config config, int port) {
    InetAddress address = config.address();
    String host;
    if (config.https() && address.isLoopbackAddress()) {
      host = "localhost"; // the name the certificate is issued to, as clients expect
    } else if (address.isAnyLocalAddress()) {
      host = "127.0.0.1";
    } else if (address instanceof Inet6Address) {
      host = "[" + address.getHostAddress().replaceFirst("%.*", "") + "]";
    } else {
      host = address.getHostAddress();
    }
    return URI.create((config.https() ? "https" : "http") + "://" + host + ":" + port);
  }

  URI baseUri() {
    return baseUri;
  }

  int port() {
    return connections.port();
  }

  Routes routes() {
    return routes;
  }

  SelfSignedCertificate tls() {
    if (tls == null) {
      throw new IllegalStateException(
          "the server speaks plain HTTP: build it with WebhookServer.builder(vigil).https()");
    }
    return tls;
  }

  RequestWaits waits(String prefix) {
    return new RequestWaits(config.vigil(), journal, prefix, config.senderGrace());
  }

  void reset(String prefix) {
    journal.clear(prefix);
    routes.clear(prefix);
  }

  void close() {
    connections.close(delays::releaseAll);
  }
}
