package dev.vigil.flow;

import dev.vigil.Vigil;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A cold {@link Flow.Publisher} of given items, one every {@code interval} of the context's clock,
 * each sent only once the subscriber asked for it, then onComplete: the Flow form of a mock async
 * iterator with a delay. Items go out on the context's scheduler, so under virtual time a wait that
 * needs them moves the clock; each subscriber gets every item from the first. What it sends and is
 * asked for is recorded on the context's timeline.
 *
 * <pre>{@code
 * Flow.Publisher<Integer> stream =
 *     PacedPublisher.of(vigil, Duration.ofMillis(100), List.of(1, 2, 3, 4, 5));
 * CompletableFuture<Integer> sum = processStream(stream);   // the code under test
 * assertThat(vigil.eventually(() -> sum).within(Duration.ofSeconds(1))).isCompletedWithValue(15);
 * }</pre>
 *
 * @param <T> the type of the items
 * @since 0.1
 */
public final class PacedPublisher<T> implements Flow.Publisher<T> {
  private static final String KIND = "paced";

  private final Vigil vigil;
  private final Duration interval;
  private final List<T> items;
  private final String name;

  private PacedPublisher(Vigil vigil, Duration interval, List<T> items, String name) {
    this.vigil = vigil;
    this.interval = interval;
    this.items = items;
    this.name = name;
  }

  /**
   * Creates a publisher named {@code paced} of {@code items}, one every {@code interval}.
   *
   * @param vigil the context whose scheduler paces the items and whose timeline records them
   * @param interval the time before each item, counted from when it was asked for and the one
   *     before it went out; zero or more
   * @param items the items, in order; no nulls
   * @param <T> the type of the items
   * @return a new publisher
   */
  public static <T> PacedPublisher<T> of(Vigil vigil, Duration interval, List<? extends T> items) {
    Objects.requireNonNull(vigil, "vigil must not be null");
    Objects.requireNonNull(interval, "interval must not be null");
    if (interval.isNegative()) {
      throw new IllegalArgumentException("interval must not be negative, was " + interval);
    }
    Objects.requireNonNull(items, "items must not be null");
    return new PacedPublisher<T>(vigil, interval, List.copyOf(items), KIND);
  }

  /**
   * Returns a publisher like this one with another name for its timeline entries.
   *
   * @param newName not blank, such as {@code prices}
   * @return the renamed publisher
   */
  public PacedPublisher<T> named(String newName) {
    return new PacedPublisher<>(vigil, interval, items, FlowTexts.checkedName("name", newName));
  }

  /**
   * Subscribes {@code subscriber}; the first item goes out {@code interval} after its first
   * request, and onComplete right after the last item (at once when there are none).
   *
   * @param subscriber the subscriber
   */
  @Override
  public void subscribe(Flow.Subscriber<? super T> subscriber) {
    Objects.requireNonNull(subscriber, "subscriber must not be null (rule 1.9)");
    ScheduledExecutorService scheduler = vigil.scheduler();
    FlowRecorder recorder = new FlowRecorder(vigil.timeline(), name, null);
    new PacedSubscription<>(subscriber, items, interval, scheduler, recorder).start();
  }

  @Override
  public String toString() {
    return FlowTexts.subject(KIND, name) + ": " + FlowTexts.showList(items) + " every " + interval;
  }
}
