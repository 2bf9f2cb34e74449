package dev.vigil;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The resources a context has been given to close: in the order they were opened, found by identity
 * (a resource's own {@code equals} is not consulted), safe to use from any thread.
 */
final class ResourceRegistry {
  private final Map<Identity, OpenResource> open = new LinkedHashMap<>();

  /** Registers {@code resource} unless it already is; the first registration's details stay. */
  void track(AutoCloseable resource, String description) {
    OpenResource entry =
        new OpenResource(description, CallSites.firstOutsideVigil(resource), resource);
    synchronized (open) {
      open.putIfAbsent(new Identity(resource), entry);
    }
  }

  /** Forgets {@code resource}; nothing happens when it is not registered. */
  void untrack(AutoCloseable resource) {
    synchronized (open) {
      open.remove(new Identity(resource));
    }
  }

  /** Returns the resources still registered, oldest first. */
  List<OpenResource> openResources() {
    synchronized (open) {
      return List.copyOf(open.values());
    }
  }

  /**
   * Closes and forgets every registered resource, newest first, going on when one fails.
   *
   * @return the first failure (a checked exception wrapped in an {@link IllegalStateException}
   *     naming the resource), with the later ones suppressed; null when all closed
   */
  @Nullable Throwable closeAll() {
    List<OpenResource> toClose;
    synchronized (open) {
      toClose = new ArrayList<>(open.values());
      open.clear();
    }
    @Nullable Throwable first = null;
    for (int i = toClose.size() - 1; i >= 0; i--) {
      Throwable failure = close(toClose.get(i));
      if (failure == null) {
        continue;
      }
      if (first == null) {
        first = failure;
      } else {
        first.addSuppressed(failure);
      }
    }
    return first;
  }

  private static @Nullable Throwable close(OpenResource entry) {
    try {
      entry.resource().close();
      return null;
    } catch (RuntimeException | Error e) { // an AssertionError of one must not keep others open
      return e;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return new IllegalStateException("could not close " + entry.description() + ": " + e, e);
    }
  }

  /** A map key that compares resources by identity. */
  private static final class Identity {
    private final AutoCloseable resource;

    Identity(AutoCloseable resource) {
      this.resource = resource;
    }

    @Override
    public boolean equals(@Nullable Object other) {
      return other instanceof Identity that && that.resource == resource;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(resource);
    }
  }
}
