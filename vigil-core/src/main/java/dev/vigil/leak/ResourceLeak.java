package dev.vigil.leak;

import dev.vigil.OpenResource;
import java.util.Objects;

/**
 * A resource registered with a watched context ({@link dev.vigil.Vigil#track}) that was still open
 * when the check finished.
 *
 * @param resource the resource, what it is and where it was opened
 * @since 0.1
 */
public record ResourceLeak(OpenResource resource) implements Leak {
  /**
   * Checks the resource.
   *
   * @param resource the open resource
   */
  public ResourceLeak {
    Objects.requireNonNull(resource, "resource must not be null");
  }

  /**
   * Returns the leak as a report's line shows it.
   *
   * @return such as {@code WebhookServer on http://127.0.0.1:41234 opened at
   *     com.acme.OrderTest.placesOrder(OrderTest.java:42) was not closed}
   */
  @Override
  public String toString() {
    return LeakMessages.resource(this);
  }
}
