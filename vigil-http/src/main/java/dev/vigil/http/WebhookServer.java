package dev.vigil.http;

import dev.vigil.Vigil;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * A callback-capture HTTP server for tests: register {@link #uri(String)} as the webhook target of
 * the code under test, then wait for its calls. Every request is kept in a journal and appended to
 * the context's timeline (source {@link HttpEntries#SOURCE}), which wakes the context's waits at
 * once; responses are scripted per route, with delays on the context's time source.
 *
 * <pre>{@code
 * try (Vigil vigil = Vigil.create(); WebhookServer server = WebhookServer.start(vigil)) {
 *   payments.registerWebhook(server.uri("/payment-complete"));
 *   payments.process("ord-1", 99.99);
 *   RecordedRequest call = server.awaitRequest(
 *       RequestMatcher.post("/payment-complete").withJsonField("order_id", "ord-1"));
 *   assertThat(call.bodyAsJson().path("status").asText()).isEqualTo("completed");
 * }
 * }</pre>
 *
 * <p>Binds to loopback and a free port unless {@link #builder(Vigil)} says otherwise; answers
 * {@code 200} with an empty body when no route matches; closes its threads and connections on
 * {@link #close()}. {@link #namespace(String)} gives tests that share one server a view of their
 * own.
 *
 * @since 0.1
 */
public final class WebhookServer implements AutoCloseable {
  private final ServerState state;
  private final String prefix;

  private WebhookServer(ServerState state, String prefix) {
    this.state = state;
    this.prefix = prefix;
  }

  /**
   * Starts a plain-HTTP server on loopback and a free port, on {@code vigil}'s clock and timeline.
   *
   * @param vigil the test's context
   * @return the running server
   */
  public static WebhookServer start(Vigil vigil) {
    return builder(vigil).start();
  }

  /**
   * Returns a builder for HTTPS, another address or port, or another body limit.
   *
   * @param vigil the test's context
   * @return the builder
   */
  public static WebhookServerBuilder builder(Vigil vigil) {
    Objects.requireNonNull(vigil, "vigil must not be null");
    return new WebhookServerBuilder(vigil, WebhookServer::startTracked);
  }

  private static WebhookServer startTracked(WebhookServerBuilder.Config config) {
    WebhookServer server = new WebhookServer(ServerState.start(config), "");
    config.vigil().track(server, "WebhookServer on " + server.state.baseUri());
    return server;
  }

  /**
   * Returns the absolute URI of {@code path} on this server (under this view's namespace).
   *
   * @param path a path starting with {@code /}, optionally with a query
   * @return such as {@code http://127.0.0.1:41234/payment-complete}
   */
  public URI uri(String path) {
    Objects.requireNonNull(path, "path must not be null");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/', was '" + path + "'");
    }
    try {
      return state.baseUri().resolve(prefix + path);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("path must be a valid URI path, was '" + path + "'", e);
    }
  }

  /**
   * Returns the context whose clock stamps the requests, whose timeline records them and whose
   * waits this server's awaits run on.
   *
   * @return the context the server was started with
   */
  public Vigil vigil() {
    return state.vigil();
  }

  /**
   * Returns the port the server listens on.
   *
   * @return the port
   */
  public int port() {
    return state.port();
  }

  /**
   * Returns the context in which a client trusts this HTTPS server's generated certificate.
   *
   * <pre>{@code
   * HttpClient client = HttpClient.newBuilder().sslContext(server.clientSslContext()).build();
   * }</pre>
   *
   * @return the client's TLS context
   * @throws IllegalStateException when the server speaks plain HTTP
   */
  public SSLContext clientSslContext() {
    return state.tls().clientContext();
  }

  /**
   * Returns the self-signed certificate an HTTPS server presents (for {@code localhost}, {@code
   * 127.0.0.1} and {@code ::1}).
   *
   * @return the certificate
   * @throws IllegalStateException when the server speaks plain HTTP
   */
  public X509Certificate certificate() {
    return state.tls().certificate();
  }

  /**
   * Returns the requests received so far (in this namespace), oldest first.
   *
   * @return a snapshot of the journal
   */
  public List<RecordedRequest> requests() {
    return state.waits(prefix).all();
  }

  /**
   * Returns the requests received so far that {@code matcher} selects, oldest first.
   *
   * @param matcher which requests
   * @return a snapshot, with captured path variables
   */
  public List<RecordedRequest> requests(RequestMatcher matcher) {
    return state.waits(prefix).matching(matcher);
  }

  /**
   * Returns the requests refused on the wire and the connections that failed mid-request.
   *
   * @return a snapshot, oldest first
   */
  public List<RejectedRequest> rejections() {
    return state.waits(prefix).rejections();
  }

  /**
   * Waits, for the context's default timeout, for a request {@code matcher} selects; see {@link
   * #awaitRequest(RequestMatcher, Duration)}.
   *
   * @param matcher which request
   * @return the earliest matching request, with captured path variables
   */
  public RecordedRequest awaitRequest(RequestMatcher matcher) {
    return state.waits(prefix).awaitRequest(matcher, null);
  }

  /**
   * Waits for a request {@code matcher} selects, returning the earliest one received (possibly
   * before the call). Runs on Vigil's waits: it wakes the moment a request is recorded, its timeout
   * follows the context's time scale and virtual time, and a timeout lists every request received
   * and, for the closest ones, which condition failed. Under virtual time each evaluation first
   * gives senders on real threads up to the builder's {@linkplain
   * WebhookServerBuilder#senderGrace(Duration) sender grace} of real time before the clock moves.
   *
   * @param matcher which request
   * @param timeout how long to wait
   * @return the earliest matching request, with captured path variables
   * @throws dev.vigil.WaitTimeoutError when none arrives in time
   */
  public RecordedRequest awaitRequest(RequestMatcher matcher, Duration timeout) {
    Objects.requireNonNull(timeout, "timeout must not be null");
    return state.waits(prefix).awaitRequest(matcher, timeout);
  }

  /**
   * Waits, for the context's default timeout, until {@code count} requests match.
   *
   * @param matcher which requests
   * @param count how many, at least 1
   * @return the first {@code count} matching requests, oldest first
   */
  public List<RecordedRequest> awaitRequests(RequestMatcher matcher, int count) {
    return state.waits(prefix).awaitRequests(matcher, count, null);
  }

  /**
   * Waits until {@code count} requests match, as {@link #awaitRequest(RequestMatcher, Duration)}.
   *
   * @param matcher which requests
   * @param count how many, at least 1
   * @param timeout how long to wait
   * @return the first {@code count} matching requests, oldest first
   * @throws dev.vigil.WaitTimeoutError when fewer arrive in time
   */
  public List<RecordedRequest> awaitRequests(RequestMatcher matcher, int count, Duration timeout) {
    Objects.requireNonNull(timeout, "timeout must not be null");
    return state.waits(prefix).awaitRequests(matcher, count, timeout);
  }

  /**
   * Asserts that no request {@code matcher} selects arrives during {@code window} (nor has arrived
   * before), failing as soon as one does.
   *
   * @param matcher which requests must not come
   * @param window how long to watch, on the context's time
   * @throws dev.vigil.ConditionViolatedError naming the request that came
   */
  public void expectNoRequest(RequestMatcher matcher, Duration window) {
    Objects.requireNonNull(window, "window must not be null");
    state.waits(prefix).expectNone(matcher, window);
  }

  /**
   * Starts scripting the answers to the requests {@code matcher} selects (in this namespace).
   *
   * @param matcher which requests
   * @return a builder; nothing is installed until its {@code respond} or {@code answer}
   */
  public RouteBuilder when(RequestMatcher matcher) {
    Objects.requireNonNull(matcher, "matcher must not be null");
    return new RouteBuilder(matcher, List.of(), script -> state.routes().install(prefix, script));
  }

  /**
   * Forgets the requests, rejections and routes of this namespace (all of them on the server
   * itself) without restarting: the port stays, connections stay open, sequence numbers go on.
   */
  public void reset() {
    state.reset(prefix);
  }

  /**
   * Returns a view of the paths under {@code prefix}, for tests that share one server: its {@link
   * #uri(String)} adds the prefix, its journal, waits and routes see only its own paths (relative
   * to the prefix), and its {@link #reset()} and {@link #close()} forget only them.
   *
   * @param prefix such as {@code /test-42}
   * @return the view
   */
  public WebhookServer namespace(String prefix) {
    return new WebhookServer(state, this.prefix + Namespaces.checked(prefix));
  }

  /**
   * Stops the server and closes its connections, releasing any response still held by a delay; on a
   * {@link #namespace(String)} view, only resets that namespace. Closing the context closes the
   * server too, and leak checks watching the context report a server left open.
   */
  @Override
  public void close() {
    if (prefix.isEmpty()) {
      try {
        state.close();
      } finally {
        state.vigil().untrack(this);
      }
    } else {
      state.reset(prefix);
    }
  }

  @Override
  public String toString() {
    return "WebhookServer["
        + state.baseUri()
        + (prefix.isEmpty() ? "" : " namespace " + prefix)
        + "]";
  }
}
