package dev.vigil.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The JDK's {@link HttpClient} as a sender, the reference setup: one client, forced to
 * HTTP/1.1, shared by every sender thread, each POSTing {@link RawHttpConnection#BODY}
 * synchronously; keep-alive as the client pools connections by default. The client does its work on
 * threads of its own (a selector thread and a pool of workers, named {@code HttpClient-<n>-...}),
 * which count as sender CPU.
 *
 * <p>A send that fails with an {@link IOException} other than a timeout is retried once, and
 * counted: under load the client may take a pooled connection the server has just closed ("HTTP/1.1
 * header parser received no bytes", "connection closed locally").
 */
final class JdkClientSender {
  /** The prefix of the names of the client's own threads. */
  static final String THREAD_PREFIX = "HttpClient-";

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final int REASONS_KEPT = 4;

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final HttpRequest request;
  private final AtomicLong retries = new AtomicLong();
  private final Set<String> reasons = ConcurrentHashMap.newKeySet();

  JdkClientSender(int port, String path) {
    request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(RawHttpConnection.BODY))
            .build();
  }

  /** POSTs the request, once more if the first send failed, and returns the answer's status. */
  int post() throws IOException, InterruptedException {
    try {
      return send();
    } catch (HttpTimeoutException e) {
      throw e; // a server that does not answer is a failure, not a stale connection
    } catch (IOException e) {
      retries.incrementAndGet();
      if (reasons.size() < REASONS_KEPT) {
        reasons.add(String.valueOf(e.getMessage()));
      }
      return send();
    }
  }

  private int send() throws IOException, InterruptedException {
    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** Returns how many sends failed once and were sent again. */
  long retries() {
    return retries.get();
  }

  /** Returns the first few distinct messages of the failures that were retried. */
  Set<String> retryReasons() {
    return new TreeSet<>(reasons);
  }
}
