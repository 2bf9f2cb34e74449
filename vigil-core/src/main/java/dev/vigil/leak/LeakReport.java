package dev.vigil.leak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link LeakCheck.Session} found at its end: open resources first (in the order they were
 * opened), then threads still alive (in the order they were created).
 *
 * @since 0.1
 */
public final class LeakReport {
  private final List<Leak> leaks;
  private final Duration linger;

  LeakReport(List<? extends Leak> leaks, Duration linger) {
    this.leaks = List.copyOf(leaks);
    this.linger = linger;
  }

  /**
   * Tells whether nothing leaked.
   *
   * @return {@code true} when there are no leaks
   */
  public boolean isEmpty() {
    return leaks.isEmpty();
  }

  /**
   * Returns every leak: resources first, then threads.
   *
   * @return an immutable list
   */
  public List<Leak> leaks() {
    return leaks;
  }

  /**
   * Returns the threads still alive.
   *
   * @return an immutable list, in the order the threads were created
   */
  public List<ThreadLeak> threadLeaks() {
    List<ThreadLeak> threads = new ArrayList<>();
    for (Leak leak : leaks) {
      if (leak instanceof ThreadLeak thread) {
        threads.add(thread);
      }
    }
    return List.copyOf(threads);
  }

  /**
   * Returns the resources left open.
   *
   * @return an immutable list, in the order they were opened
   */
  public List<ResourceLeak> resourceLeaks() {
    List<ResourceLeak> resources = new ArrayList<>();
    for (Leak leak : leaks) {
      if (leak instanceof ResourceLeak resource) {
        resources.add(resource);
      }
    }
    return List.copyOf(resources);
  }

  /**
   * Returns how long the check waited for threads to end.
   *
   * @return the linger
   */
  public Duration linger() {
    return linger;
  }

  /**
   * Fails when anything leaked.
   *
   * @throws LeakError listing each leak
   */
  public void assertNone() {
    if (!leaks.isEmpty()) {
      throw new LeakError(this);
    }
  }

  /**
   * Returns the report's text, as {@link LeakError} shows it.
   *
   * @return such as {@code "1 leak after the test:\n EmbeddedBus opened at … was not closed"}
   */
  @Override
  public String toString() {
    return LeakMessages.report(leaks, linger);
  }
}
