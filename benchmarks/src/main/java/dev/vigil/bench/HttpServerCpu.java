package dev.vigil.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The CPU a window cost, per thread, from the threads' own nanosecond clocks: the server's threads
 * (chosen by name), the senders' and every other Java thread, plus the whole process (GC included).
 *
 * <p>Every thread is read at the start; samples during the window keep the last reading of every
 * thread seen, so a thread that ends during the window keeps the CPU it spent in it, and a thread
 * born during it counts from zero. A thread counts as the server's if its name matched at any
 * sample (MockWebServer's pool threads change names while they serve).
 */
final class HttpServerCpu {
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final OperatingSystemMXBean os =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final Predicate<String> isServer;
  private final Map<Long, Long> startCpu = new HashMap<>();
  private final Map<Long, Long> lastCpu = new HashMap<>();
  private final Map<Long, String> names = new HashMap<>();
  private final Set<Long> serverThreads = new HashSet<>();
  private final long processStart;

  private HttpServerCpu(Predicate<String> isServer) {
    this.isServer = isServer;
    this.processStart = os.getProcessCpuTime();
    for (long id : threads.getAllThreadIds()) {
      long cpu = threads.getThreadCpuTime(id);
      if (cpu >= 0) {
        startCpu.put(id, cpu);
      }
    }
    sample();
  }

  /** Starts a window: reads every thread's CPU now. */
  static HttpServerCpu start(Predicate<String> isServer) {
    return new HttpServerCpu(isServer);
  }

  /** Reads every live thread's CPU and name, keeping the last reading of each. */
  void sample() {
    long[] ids = threads.getAllThreadIds();
    ThreadInfo[] infos = threads.getThreadInfo(ids);
    for (int i = 0; i < ids.length; i++) {
      long cpu = threads.getThreadCpuTime(ids[i]);
      if (cpu < 0 || infos[i] == null) {
        continue; // ended between the two calls: its last reading stays
      }
      lastCpu.put(ids[i], cpu);
      names.put(ids[i], infos[i].getThreadName());
      if (isServer.test(infos[i].getThreadName())) {
        serverThreads.add(ids[i]);
      }
    }
  }

  /** Ends the window with a last sample and returns what each group of threads spent in it. */
  Spent end() {
    sample();
    long processNanos = os.getProcessCpuTime() - processStart;
    long server = 0;
    long senders = 0;
    long others = 0;
    Set<String> serverNames = new TreeSet<>();
    for (Map.Entry<Long, Long> reading : lastCpu.entrySet()) {
      long id = reading.getKey();
      long spent = reading.getValue() - startCpu.getOrDefault(id, 0L);
      if (serverThreads.contains(id)) {
        server += spent;
        serverNames.add(names.get(id));
      } else if (HttpSenders.isSenderThread(names.get(id))) {
        senders += spent;
      } else {
        others += spent;
      }
    }
    return new Spent(server, senders, others, processNanos, serverNames);
  }

  /**
   * Nanoseconds of CPU in a window: the server's threads, the senders', the other Java threads (the
   * consumer, the sampling thread, the JIT), and the whole process (also GC and the VM).
   */
  record Spent(
      long serverNanos,
      long senderNanos,
      long otherNanos,
      long processNanos,
      Set<String> serverThreadNames) {
    Spent plus(Spent other) {
      Set<String> allNames = new TreeSet<>(serverThreadNames);
      allNames.addAll(other.serverThreadNames);
      return new Spent(
          serverNanos + other.serverNanos,
          senderNanos + other.senderNanos,
          otherNanos + other.otherNanos,
          processNanos + other.processNanos,
          allNames);
    }
  }
}
