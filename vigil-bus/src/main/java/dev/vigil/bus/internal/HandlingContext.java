package dev.vigil.bus.internal;

import org.jspecify.annotations.Nullable;

/**
 * The message a consumer's handler is handling on this thread, so that what the handler publishes
 * joins the same flow: it inherits the correlation id unless it carries one of its own.
 */
final class HandlingContext {
  private static final ThreadLocal<@Nullable String> CORRELATION_ID = new ThreadLocal<>();

  private HandlingContext() {}

  static @Nullable String correlationId() {
    return CORRELATION_ID.get();
  }

  /** Runs {@code body} with {@code correlationId} as the current flow, restoring the previous. */
  static void within(@Nullable String correlationId, ThrowingRunnable body) throws Exception {
    String previous = CORRELATION_ID.get();
    CORRELATION_ID.set(correlationId);
    try {
      body.run();
    } finally {
      CORRELATION_ID.set(previous);
    }
  }

  /** A block that may throw anything a handler may. */
  @FunctionalInterface
  interface ThrowingRunnable {
    void run() throws Exception;
  }
}
