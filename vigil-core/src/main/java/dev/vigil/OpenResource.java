package dev.vigil;

import java.util.Objects;

/**
 * A resource registered with a context that has not been closed yet: what it is, where it was
 * opened, and the resource itself (see {@link Vigil#openResources()}).
 *
 * @param description what the resource is, such as {@code WebhookServer on http://127.0.0.1:41234}
 * @param openedBy the first stack frame outside Vigil when it was registered, such as {@code
 *     com.acme.OrderTest.placesOrder(OrderTest.java:42)}
 * @param resource the resource; {@link Vigil#close()} closes it
 * @since 0.1
 */
public record OpenResource(String description, String openedBy, AutoCloseable resource) {
  /**
   * Checks the parts.
   *
   * @param description what the resource is; not blank
   * @param openedBy where it was opened
   * @param resource the resource
   */
  public OpenResource {
    Objects.requireNonNull(description, "description must not be null");
    Objects.requireNonNull(openedBy, "openedBy must not be null");
    Objects.requireNonNull(resource, "resource must not be null");
    if (description.isBlank()) {
      throw new IllegalArgumentException(
          "description must not be blank, was '" + description + "'");
    }
  }

  /**
   * Returns the resource as a leak report shows it.
   *
   * @return such as {@code WebhookServer on http://127.0.0.1:41234 opened at
   *     com.acme.OrderTest.placesOrder(OrderTest.java:42)}
   */
  @Override
  public String toString() {
    return description + " opened at " + openedBy;
  }
}
