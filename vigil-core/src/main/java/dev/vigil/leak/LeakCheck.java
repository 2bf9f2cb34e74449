package dev.vigil.leak;

import dev.vigil.OpenResource;
import dev.vigil.Vigil;
import dev.vigil.internal.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * Checks that a block of code leaves nothing behind: no thread it started still alive after a short
 * linger (daemon or not: a thread started from a daemon thread, such as a bus consumer's, is a
 * daemon too), and no resource of a watched context still open. Threads of the JVM, of build tools
 * and of Vigil itself are never reported; an executor that was not shut down shows as its idle
 * workers, with a hint saying so. Immutable; {@code withX} methods return changed copies.
 *
 * <pre>{@code
 * try (Vigil vigil = Vigil.create()) {
 *   LeakCheck.defaults().watching(vigil).run(() -> {
 *     WebhookServer server = WebhookServer.start(vigil);
 *     ...
 *     server.close();
 *   });
 * }
 * }</pre>
 *
 * <p>A thread is attributed to the block if it started between {@link #start()} and {@link
 * Session#finish()}, whoever started it: tests running in parallel in one JVM see each other's
 * threads.
 *
 * @since 0.1
 */
public final class LeakCheck {
  /**
   * How long {@link #defaults()} waits for threads to end: a thread that was told to stop usually
   * ends within milliseconds, but one finishing its last task or a socket timeout on a loaded CI
   * machine can take hundreds; a clean block pays nothing, since the wait ends when the last new
   * thread does.
   */
  public static final Duration DEFAULT_LINGER = Duration.ofSeconds(1);

  private static final LeakCheck DEFAULTS = new LeakCheck(DEFAULT_LINGER, List.of(), List.of());

  private final Duration linger;
  private final List<Predicate<Thread>> ignored;
  private final List<Vigil> watched;

  private LeakCheck(Duration linger, List<Predicate<Thread>> ignored, List<Vigil> watched) {
    this.linger = linger;
    this.ignored = ignored;
    this.watched = watched;
  }

  /**
   * Returns the default check: a linger of {@link #DEFAULT_LINGER}, the JVM's, tools' and Vigil's
   * threads ignored, no context watched.
   *
   * @return the check
   */
  public static LeakCheck defaults() {
    return DEFAULTS;
  }

  /**
   * Waits up to {@code newLinger} at the end for threads started during the block to end.
   *
   * @param newLinger zero or positive; zero reports whatever is alive at once
   * @return a copy with this linger
   */
  public LeakCheck withLinger(Duration newLinger) {
    Durations.nonNegativeNanos("linger", newLinger);
    return new LeakCheck(newLinger, ignored, watched);
  }

  /**
   * Also ignores threads whose name starts with {@code namePrefix}.
   *
   * @param namePrefix such as {@code "kafka-producer-network-thread"}; not blank
   * @return a copy that ignores them
   */
  public LeakCheck ignoringThreads(String namePrefix) {
    Objects.requireNonNull(namePrefix, "namePrefix must not be null");
    if (namePrefix.isBlank()) {
      throw new IllegalArgumentException("namePrefix must not be blank, was '" + namePrefix + "'");
    }
    return ignoringThreads(thread -> thread.getName().startsWith(namePrefix));
  }

  /**
   * Also ignores the threads {@code which} accepts (tested at the end, on live threads).
   *
   * @param which such as {@code t -> t.getThreadGroup() == pool.group()}
   * @return a copy that ignores them
   */
  public LeakCheck ignoringThreads(Predicate<Thread> which) {
    Objects.requireNonNull(which, "which must not be null");
    List<Predicate<Thread>> more = new ArrayList<>(ignored);
    more.add(which);
    return new LeakCheck(linger, List.copyOf(more), watched);
  }

  /**
   * Also reports the resources of {@code vigil} still open at the end ({@link
   * Vigil#openResources()}): its buses, servers and histories, and whatever was {@linkplain
   * Vigil#track registered}.
   *
   * @param vigil the context; finish the check before closing it, since closing closes them
   * @return a copy that watches it
   */
  public LeakCheck watching(Vigil vigil) {
    Objects.requireNonNull(vigil, "vigil must not be null");
    List<Vigil> more = new ArrayList<>(watched);
    more.add(vigil);
    return new LeakCheck(linger, ignored, List.copyOf(more));
  }

  /**
   * Returns how long the check waits for threads to end.
   *
   * @return the linger
   */
  public Duration linger() {
    return linger;
  }

  /**
   * Starts a check: remembers the threads alive now, which are never reported.
   *
   * @return the session; call {@link Session#finish()} at the end
   */
  public Session start() {
    return new Session(this, LiveThreads.now());
  }

  /**
   * Runs {@code block} between {@link #start()} and {@link Session#finish()}, then fails if
   * anything leaked. When the block itself fails, that failure is thrown with a {@link LeakError}
   * attached as suppressed, so the leaks are still seen.
   *
   * @param block the code to check
   * @throws LeakError listing each leak
   * @throws Exception whatever {@code block} throws
   */
  public void run(Block block) throws Exception {
    Objects.requireNonNull(block, "block must not be null");
    Session session = start();
    try {
      block.run();
    } catch (Throwable failure) {
      LeakReport report = session.finish();
      if (!report.isEmpty()) {
        failure.addSuppressed(new LeakError(report));
      }
      throw failure;
    }
    session.finish().assertNone();
  }

  private boolean isIgnored(Thread thread) {
    if (SharedThreads.isShared(thread)) {
      return true;
    }
    for (Predicate<Thread> rule : ignored) {
      if (rule.test(thread)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "LeakCheck[linger "
        + Durations.format(linger)
        + ", "
        + ignored.size()
        + " own exclusions, watching "
        + watched.size()
        + " contexts]";
  }

  /**
   * The code a check runs.
   *
   * @since 0.1
   */
  @FunctionalInterface
  public interface Block {
    /**
     * Runs the code.
     *
     * @throws Exception when it fails
     */
    void run() throws Exception;
  }

  /**
   * One running check, from {@link LeakCheck#start()} to {@link #finish()}.
   *
   * @since 0.1
   */
  public static final class Session {
    private final LeakCheck check;
    private final Set<Thread> before;
    private final AtomicBoolean finished = new AtomicBoolean();

    private Session(LeakCheck check, Set<Thread> before) {
      this.check = check;
      this.before = before;
    }

    /**
     * Ends the check: reads the watched contexts' open resources, then waits up to the linger for
     * the threads started since {@link LeakCheck#start()} to end (joining them; a clean block does
     * not wait), and reports those still alive.
     *
     * @return the report; {@link LeakReport#assertNone()} fails the test when it is not empty
     * @throws IllegalStateException when the session was already finished
     */
    public LeakReport finish() {
      if (!finished.compareAndSet(false, true)) {
        throw new IllegalStateException("this leak check session was already finished");
      }
      List<Leak> leaks = new ArrayList<>();
      for (Vigil vigil : check.watched) {
        for (OpenResource resource : vigil.openResources()) {
          leaks.add(new ResourceLeak(resource));
        }
      }
      long deadline = Durations.saturatedAdd(System.nanoTime(), check.linger.toNanos());
      for (Thread thread : LiveThreads.stillAliveAfter(before, check::isIgnored, deadline)) {
        ThreadLeak leak = ThreadLeak.of(thread);
        if (leak.state() != Thread.State.TERMINATED) {
          leaks.add(leak);
        }
      }
      return new LeakReport(leaks, check.linger);
    }
  }
}
