package dev.vigil.bench;

import dev.vigil.Vigil;
import dev.vigil.timeline.Timeline;
import dev.vigil.timeline.TimelineEntry;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * JMH: the cost of one timeline append, with one producer and with two appending at once.
 *
 * <p>Each producer starts a fresh timeline every 500,000 of its appends, as {@code ./bench
 * timeline} does: a timeline of tens of millions of entries would measure the collector copying
 * them, not the append. The cost of that fresh start is part of the figure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TimelineAppendJmh {
  private static final int APPENDS_PER_TIMELINE = 500_000;
  private static final Map<String, String> NO_ATTRIBUTES = Map.of();

  private Vigil vigil;
  private volatile Timeline timeline;

  /** One appending thread: its source name and how many it appended to the current timeline. */
  @State(Scope.Thread)
  public static class Producer {
    String source = "";
    int appended;

    /** Names the producer after its thread. */
    @Setup(Level.Trial)
    public void name(ThreadParams params) {
      source = "producer-" + params.getThreadIndex();
    }
  }

  /** Opens a real-time context for the iteration. */
  @Setup(Level.Iteration)
  public void open() {
    vigil = Vigil.create();
    timeline = vigil.timeline();
  }

  /** Closes the iteration's context. */
  @TearDown(Level.Iteration)
  public void close() {
    vigil.close();
  }

  /** One producer appends. */
  @Benchmark
  public TimelineEntry oneProducer(Producer producer) {
    return append(producer);
  }

  /** Two producers append to the same timeline at once; the figure is per append of each. */
  @Benchmark
  @Group("twoProducers")
  @GroupThreads(2)
  public TimelineEntry twoProducers(Producer producer) {
    return append(producer);
  }

  private TimelineEntry append(Producer producer) {
    if (++producer.appended == APPENDS_PER_TIMELINE) {
      producer.appended = 0;
      timeline = new Timeline(vigil.time(), vigil.signal());
    }
    return timeline.append(producer.source, "tick", "c-1", null, "", NO_ATTRIBUTES);
  }
}
