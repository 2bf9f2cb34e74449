package dev.vigil.bench;

import dev.vigil.Vigil;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * JMH: the whole cost of a wait whose condition already holds, Vigil against Awaitility tuned as
 * far as it goes (no initial delay, polling in the caller's thread, its factory built once).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AlreadyTrueJmh {
  private Vigil vigil;
  private ConditionFactory awaitility;
  private volatile boolean holds = true;

  /** Opens a real-time context and builds Awaitility's factory. */
  @Setup(Level.Trial)
  public void open() {
    vigil = Vigil.builder().timeScale(1).build();
    awaitility = Waiter.tunedAwaitility(Duration.ofMillis(1));
  }

  /** Closes the context. */
  @TearDown(Level.Trial)
  public void close() {
    vigil.close();
  }

  /** Vigil: {@code eventually(...).within(10 s)} on a condition that holds. */
  @Benchmark
  public Boolean vigil() {
    return vigil.eventually(() -> holds).within(Waiter.TIMEOUT);
  }

  /** Awaitility tuned: {@code until(...)} on a condition that holds. */
  @Benchmark
  public void awaitilityTuned() {
    awaitility.until(() -> holds);
  }
}
