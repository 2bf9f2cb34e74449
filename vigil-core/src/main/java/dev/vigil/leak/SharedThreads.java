package dev.vigil.leak;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The threads a leak check never reports: long-lived threads that belong to the JVM, to tools or to
 * Vigil rather than to a test, even when a test's first use of something starts them. Every rule is
 * here, grouped by owner.
 */
final class SharedThreads {
  private static final List<String> NAME_PREFIXES =
      List.of(
          // Vigil's own: the JVM-wide watchdog, and the threads of a context's scheduler, consumers
          // and servers, which belong to the context; its open resources are reported instead.
          "vigil-",
          // The JVM's own (JDK 17 to 25); most start with the JVM, some on first use.
          "Reference Handler",
          "Finalizer",
          "Signal Dispatcher",
          "Notification Thread",
          "Common-Cleaner",
          "Attach Listener", // started when a tool (jcmd, a profiler, an IDE) attaches
          // The JDK's lazily started JVM-wide services.
          "ForkJoinPool.commonPool-", // the common pool's workers, and on JDK 25 its delayScheduler
          "CompletableFutureDelayScheduler", // CompletableFuture.delayedExecutor, JDK 9 to 24
          "process reaper", // waits for child processes (Process.waitFor, onExit)
          "Keep-Alive-", // HttpURLConnection's keep-alive cache: Keep-Alive-Timer, -SocketCleaner
          "Read-Poller", // virtual threads' I/O pollers, JDK 21+
          "Write-Poller",
          "VirtualThread-unparker", // virtual threads' timed parks, JDK 21+
          "VirtualThread-unblocker", // virtual threads blocked on monitors, JDK 24+
          "Java2D Disposer", // first use of Java2D, ImageIO included
          // Monitoring: Flight Recorder, and RMI/JMX when a console or profiler connects.
          "JFR ",
          "RMI ",
          "GC Daemon",
          "JMX server connection timeout",
          // Build tools and test engines.
          "surefire-forkedjvm-",
          "junit-jupiter-timeout-watcher"); // @Timeout's scheduler, kept for the whole run

  // The JDK's HttpClient: its selector thread lives until the client is collected (a client cannot
  // be closed before JDK 21) and its default executor keeps idle workers for 60 s.
  private static final Pattern HTTP_CLIENT =
      Pattern.compile("HttpClient-\\d+-(SelectorManager|Worker-\\d+)");

  private static final List<String> CLASS_PREFIXES =
      List.of(
          // InnocuousThread (the JDK's system threads) and CarrierThread (virtual threads'
          // carriers,
          // named ForkJoinPool-N-worker-M like a user's pool): only the JDK can create them.
          "jdk.internal.misc.",
          // JDK 25's ForkJoinPool delay scheduler, which the virtual-thread scheduler uses too; a
          // user's own pool left open is still reported by its workers.
          "java.util.concurrent.DelayScheduler",
          // JUnit's parallel execution workers (ForkJoinPool-N-worker-M, or junit-N-worker-M in
          // 6.1).
          "org.junit.platform.engine.support.hierarchical.");

  private SharedThreads() {}

  /** Tells whether {@code thread} belongs to the JVM, a tool or Vigil rather than a test. */
  static boolean isShared(Thread thread) {
    String name = thread.getName();
    for (String prefix : NAME_PREFIXES) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    if (HTTP_CLIENT.matcher(name).matches()) {
      return true;
    }
    String type = thread.getClass().getName();
    for (String prefix : CLASS_PREFIXES) {
      if (type.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
