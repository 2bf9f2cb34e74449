package dev.vigil.junit5;

import dev.vigil.Vigil;
import dev.vigil.bus.BusTestClient;
import dev.vigil.bus.EmbeddedBus;
import dev.vigil.bus.MessageBus;
import dev.vigil.http.WebhookServer;
import dev.vigil.leak.LeakCheck;
import dev.vigil.leak.LeakReport;
import dev.vigil.snapshot.Snapshots;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Vigil context of a test (or of a class) and the parts made from it on request, kept in
 * JUnit's store. Parts are made at most once and closed newest first, then the context; JUnit
 * closes the run through its store if the extension's own callbacks never got to it.
 */
@SuppressWarnings("deprecation") // CloseableResource is what JUnit 5.10 to 5.12 close; 6 still does
final class TestRun implements ExtensionContext.Store.CloseableResource {
  private final Vigil vigil;
  private final RunSeed seed;
  private final Deque<AutoCloseable> parts = new ArrayDeque<>();
  private final BusFactory busFactory;
  private @Nullable MessageBus bus;
  private @Nullable BusTestClient client;
  private @Nullable WebhookServer server;
  private @Nullable Snapshots snapshots;
  private final LeakCheck.@Nullable Session leaks;
  private boolean closed;

  TestRun(Settings settings, RunSeed seed, BusFactory busFactory) {
    this.seed = seed;
    this.busFactory = busFactory;
    this.vigil =
        settings.virtualTime()
            ? Vigil.builder().virtualTime().seed(seed.value()).build()
            : Vigil.create();
    this.leaks = settings.leakChecks() ? leakCheck(settings, vigil, busFactory).start() : null;
  }

  private static LeakCheck leakCheck(Settings settings, Vigil vigil, BusFactory busFactory) {
    LeakCheck check =
        LeakCheck.defaults()
            .withLinger(settings.linger())
            .watching(vigil)
            .ignoringThreads(busFactory::ownsThread);
    if (!settings.threadLeakChecks()) {
      check = check.ignoringThreads(thread -> true);
    }
    for (String prefix : settings.ignoredThreads()) {
      check = check.ignoringThreads(prefix);
    }
    return check;
  }

  Vigil vigil() {
    return vigil;
  }

  RunSeed seed() {
    return seed;
  }

  /** Whether the seed says anything about this run: it orders virtual time and the bus's faults. */
  synchronized boolean seedMatters() {
    return vigil.time().isVirtual() || bus != null;
  }

  synchronized MessageBus bus() {
    if (bus == null) {
      checkOpen("bus");
      bus = own(busFactory.connect(vigil, seed.value()));
    }
    return bus;
  }

  /** The bus as the embedded model, which only the default factory (or one like it) makes. */
  synchronized EmbeddedBus embeddedBus() {
    MessageBus made = bus();
    if (made instanceof EmbeddedBus embedded) {
      return embedded;
    }
    throw new IllegalStateException(
        "the test asks for an EmbeddedBus, but "
            + busFactory.getClass().getName()
            + " made a "
            + made.getClass().getSimpleName()
            + " (backend "
            + made.backend()
            + "); ask for a MessageBus instead");
  }

  synchronized BusTestClient client() {
    if (client == null) {
      client = BusTestClient.of(vigil, bus());
    }
    return client;
  }

  synchronized WebhookServer server() {
    if (server == null) {
      checkOpen("webhook server");
      server = own(WebhookServer.start(vigil));
    }
    return server;
  }

  synchronized Snapshots snapshots() {
    if (snapshots == null) {
      snapshots = Snapshots.of(vigil);
    }
    return snapshots;
  }

  private <T extends AutoCloseable> T own(T part) {
    parts.push(part);
    return part;
  }

  private void checkOpen(String part) {
    if (closed) {
      throw new IllegalStateException(
          "cannot make a " + part + ": the Vigil context of this test is already closed");
    }
  }

  /** Closes the parts the extension made, newest first; the first failure is thrown last. */
  synchronized void closeParts() throws Exception {
    @Nullable Exception first = null;
    while (!parts.isEmpty()) {
      try {
        parts.pop().close();
      } catch (Exception failed) {
        if (first == null) {
          first = failed;
        } else {
          first.addSuppressed(failed);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /**
   * Ends the run: closes the parts the extension made, checks for leaks (what the test left open is
   * still open, and threads it started have had the linger to end), then closes the context, which
   * also closes what the test left open. A part that fails to close is thrown first; leaks are
   * thrown after everything is closed.
   */
  synchronized void finish() throws Exception {
    @Nullable Exception closing = null;
    try {
      closeParts();
    } catch (Exception failed) {
      closing = failed;
    }
    @Nullable LeakReport report = leaks == null || closed ? null : leaks.finish();
    close();
    if (closing != null) {
      throw closing;
    }
    if (report != null) {
      report.assertNone();
    }
  }

  @Override
  public synchronized void close() throws Exception {
    if (closed) {
      return;
    }
    closed = true;
    try {
      closeParts();
    } finally {
      vigil.close();
    }
  }
}
