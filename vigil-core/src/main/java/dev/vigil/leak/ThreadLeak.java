package dev.vigil.leak;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A thread started during the check and still alive at its end, as it was seen then.
 *
 * @param thread the thread itself
 * @param name its name when seen
 * @param state its state when seen
 * @param daemon whether it is a daemon thread (threads inherit this from the thread that started
 *     them, so one started from a daemon thread is a daemon too)
 * @param stack its stack when seen, innermost frame first
 * @since 0.1
 */
public record ThreadLeak(
    Thread thread, String name, Thread.State state, boolean daemon, List<StackTraceElement> stack)
    implements Leak {
  /**
   * Checks and copies the parts.
   *
   * @param thread the thread
   * @param name its name
   * @param state its state
   * @param daemon whether it is a daemon thread
   * @param stack its stack, innermost frame first
   */
  public ThreadLeak {
    Objects.requireNonNull(thread, "thread must not be null");
    Objects.requireNonNull(name, "name must not be null");
    Objects.requireNonNull(state, "state must not be null");
    stack = List.copyOf(Objects.requireNonNull(stack, "stack must not be null"));
  }

  /** Reads a live thread's name, state, daemon flag and stack now. */
  static ThreadLeak of(Thread thread) {
    return new ThreadLeak(
        thread,
        thread.getName(),
        thread.getState(),
        thread.isDaemon(),
        List.of(thread.getStackTrace()));
  }

  /**
   * Says what the stack suggests the thread is, when it is a well-known kind of thread that only
   * its owner's shutdown ends.
   *
   * @return such as {@code "idle worker of an executor that was not shut down"}, or null
   */
  public @Nullable String hint() {
    return IdleThreads.hintFor(stack);
  }

  /**
   * Returns the leak as a report shows it, without the linger.
   *
   * @return the thread's line and the top of its stack
   */
  @Override
  public String toString() {
    return LeakMessages.thread(this, null);
  }
}
