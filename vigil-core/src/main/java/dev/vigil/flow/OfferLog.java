package dev.vigil.flow;

import dev.vigil.Vigil;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * What a producer under test offered to a stream, and whether it was seen blocked: the other half
 * of an {@link OverflowCheck}. A producer on real threads runs its calls through {@link #submit} (a
 * call that may block, such as {@code SubmissionPublisher.submit}) or {@link #offer} (one that may
 * refuse, such as {@code SubmissionPublisher.offer}); the test sees it blocked with {@link
 * #awaitBlocked}. A producer on virtual time, which must not block a thread, reports {@link
 * #offered} and {@link #blocked} itself. Every offer is recorded on the context's timeline.
 *
 * <pre>{@code
 * OfferLog<Integer> offers = OfferLog.create(vigil);
 * producerThread.submit(() -> {
 *   for (int i = 0; i < 10; i++) {
 *     int item = i;
 *     offers.submit(item, () -> publisher.submit(item));
 *   }
 *   publisher.close();
 * });
 * offers.awaitBlocked();                    // the subscriber has asked for nothing yet
 * subscriber.request(Long.MAX_VALUE).awaitCompletion();
 * OverflowCheck.of(OverflowPolicy.BLOCK).verify(offers, subscriber);
 * }</pre>
 *
 * @param <T> the type of the items
 * @since 0.1
 */
public final class OfferLog<T> {
  private static final String KIND = "producer";

  private final Vigil vigil;
  private final String name;
  private final FlowRecorder recorder;
  private final List<T> offered = new ArrayList<>();
  // Threads inside submit(), with the index of the item each is offering.
  private final Map<Thread, Integer> inside = new ConcurrentHashMap<>();
  private final AtomicBoolean seenBlocked = new AtomicBoolean();

  private OfferLog(Vigil vigil, String name) {
    this.vigil = vigil;
    this.name = name;
    this.recorder = new FlowRecorder(vigil.timeline(), name, null);
  }

  /**
   * Creates a log named {@code producer}.
   *
   * @param vigil the context whose timeline records the offers and whose waits see blocking
   * @param <T> the type of the items
   * @return a new, empty log
   */
  public static <T> OfferLog<T> create(Vigil vigil) {
    return create(vigil, KIND);
  }

  /**
   * Creates a log with a name for its timeline entries and failures.
   *
   * @param vigil the context whose timeline records the offers and whose waits see blocking
   * @param name not blank, such as {@code ticker}
   * @param <T> the type of the items
   * @return a new, empty log
   */
  public static <T> OfferLog<T> create(Vigil vigil, String name) {
    Objects.requireNonNull(vigil, "vigil must not be null");
    return new OfferLog<>(vigil, FlowTexts.checkedName("name", name));
  }

  /**
   * Records that the producer offered {@code item}.
   *
   * @param item the item
   */
  public void offered(T item) {
    Objects.requireNonNull(item, "item must not be null");
    recordOffer(item);
  }

  /**
   * Records that the producer is waiting for room before it can go on, as a producer on virtual
   * time reports it.
   */
  public void blocked() {
    seenBlocked.set(true);
    recorder.record("blocked", "");
  }

  /**
   * Records {@code item} as offered and runs {@code call}, which hands it to the stream and may
   * block until there is room; while it blocks, {@link #isBlocked} sees it.
   *
   * @param item the item being handed over
   * @param call the producer's blocking call, such as {@code () -> publisher.submit(item)}
   * @throws InterruptedException when the call was interrupted
   */
  public void submit(T item, BlockingCall call) throws InterruptedException {
    Objects.requireNonNull(call, "call must not be null");
    Objects.requireNonNull(item, "item must not be null");
    int index = recordOffer(item);
    inside.put(Thread.currentThread(), index);
    try {
      call.run();
    } finally {
      inside.remove(Thread.currentThread());
    }
  }

  /**
   * Records {@code item} as offered and runs {@code call}, which hands it over if there is room and
   * says whether there was; a refusal is recorded as {@code refused}.
   *
   * @param item the item being offered
   * @param call the producer's call, such as {@code () -> publisher.offer(item, null) >= 0}
   * @return what {@code call} returned: whether the item was accepted
   */
  public boolean offer(T item, BooleanSupplier call) {
    Objects.requireNonNull(call, "call must not be null");
    Objects.requireNonNull(item, "item must not be null");
    int index = recordOffer(item);
    boolean accepted = call.getAsBoolean();
    if (!accepted) {
      recorder.record("refused", FlowTexts.show(item), "index", String.valueOf(index));
    }
    return accepted;
  }

  /**
   * Returns whether a thread is blocked inside {@link #submit} now (parked, waiting or blocked on a
   * monitor); the first time it is, that is recorded and {@link #wasSeenBlocked} turns true.
   *
   * @return {@code true} while a producer thread is blocked handing an item over
   */
  public boolean isBlocked() {
    for (Map.Entry<Thread, Integer> entry : inside.entrySet()) {
      Thread.State state = entry.getKey().getState();
      if (state == Thread.State.WAITING
          || state == Thread.State.TIMED_WAITING
          || state == Thread.State.BLOCKED) {
        if (seenBlocked.compareAndSet(false, true)) {
          recorder.record("blocked", "", "index", String.valueOf(entry.getValue()));
        }
        return true;
      }
    }
    return false;
  }

  /**
   * Waits up to the context's default timeout until a producer thread is blocked in {@link
   * #submit}.
   *
   * @return how many items had been offered then, the blocked one included
   * @throws dev.vigil.WaitFailedError when no producer blocked in time
   */
  public int awaitBlocked() {
    return awaitBlocked(vigil.patience().timeout());
  }

  /**
   * Waits up to {@code timeout} until a producer thread is blocked in {@link #submit}.
   *
   * @param timeout positive
   * @return how many items had been offered then, the blocked one included
   * @throws dev.vigil.WaitFailedError when no producer blocked in time
   */
  public int awaitBlocked(Duration timeout) {
    vigil
        .eventually(this::isBlocked)
        .describedAs(FlowTexts.subject(KIND, name) + " to block")
        .diagnostics(() -> FlowTexts.count(offered().size(), "item") + " offered")
        .within(timeout);
    return offered().size();
  }

  /**
   * Returns whether the producer was seen blocked: reported by {@link #blocked}, or found by {@link
   * #isBlocked}.
   *
   * @return {@code true} once it was
   */
  public boolean wasSeenBlocked() {
    return seenBlocked.get();
  }

  /**
   * Returns the items offered so far, in order.
   *
   * @return an immutable copy
   */
  public synchronized List<T> offered() {
    return List.copyOf(offered);
  }

  String subject() {
    return FlowTexts.subject(KIND, name);
  }

  private synchronized int recordOffer(T item) {
    offered.add(item);
    int index = offered.size() - 1;
    recorder.record("offer", FlowTexts.show(item), "index", String.valueOf(index));
    return index;
  }

  /** A producer's call that may block until the stream has room. */
  @FunctionalInterface
  public interface BlockingCall {
    /**
     * Hands the item over.
     *
     * @throws InterruptedException when interrupted while blocked
     */
    void run() throws InterruptedException;
  }
}
