package dev.vigil;

import dev.vigil.time.Fiber;
import java.time.Duration;

/** A connection whose every call is an await point on virtual time, tracked while open. */
final class FakeConnection implements AutoCloseable {
  private final Vigil vigil;
  private boolean closed;

  private FakeConnection(Vigil vigil) {
    this.vigil = vigil;
  }

  /** Await point: connecting takes 10 ms; the connection exists only once it returns. */
  static FakeConnection connect(Vigil vigil) throws InterruptedException {
    Fiber.sleep(Duration.ofMillis(10));
    FakeConnection connection = new FakeConnection(vigil);
    vigil.track(connection, "connection");
    return connection;
  }

  /** Await point: a read takes 20 ms. */
  String read() throws InterruptedException {
    Fiber.sleep(Duration.ofMillis(20));
    return "data";
  }

  /** Await point: a write takes 5 ms. */
  void write(String data) throws InterruptedException {
    Fiber.sleep(Duration.ofMillis(5));
  }

  /**
   * Await point: a graceful close takes 1 ms; cancelled meanwhile, it closes at once. Closing twice
   * does nothing.
   */
  @Override
  public void close() throws InterruptedException {
    if (closed) {
      return;
    }
    try {
      Fiber.sleep(Duration.ofMillis(1));
    } finally {
      closed = true;
      vigil.untrack(this);
    }
  }

  boolean isClosed() {
    return closed;
  }
}
