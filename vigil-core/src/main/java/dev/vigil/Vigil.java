package dev.vigil;

import dev.vigil.async.Completes;
import dev.vigil.async.Fails;
import dev.vigil.async.Gather;
import dev.vigil.async.SubtaskWatch;
import dev.vigil.async.TimeoutCheck;
import dev.vigil.internal.Durations;
import dev.vigil.time.Signal;
import dev.vigil.time.TimeSource;
import dev.vigil.time.VirtualTimeSource;
import dev.vigil.timeline.Timeline;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One test's context: its time source, signal, timeline and patience, and the waits that use them.
 * Components made from the same context share its clock, record into its timeline and wake its
 * waiters; two contexts never see each other.
 *
 * <pre>{@code
 * try (Vigil vigil = Vigil.create()) {
 *   service.submit(order);
 *   Order stored = vigil.eventually(() -> repo.find(order.id()))
 *       .describedAs("order to be stored")
 *       .within(Duration.ofSeconds(3));
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class Vigil implements AutoCloseable {
  private final TimeSource time;
  private final Signal signal;
  private final Timeline timeline;
  private final Patience patience;
  private final WaitEngine.Environment environment;
  private final @Nullable ResourceRegistry resources;

  Vigil(TimeSource time, Patience patience, boolean shared) {
    this.time = time;
    // The shared context lives as long as the JVM: a registry there would keep every resource.
    this.resources = shared ? null : new ResourceRegistry();
    this.signal = new Signal();
    this.timeline = new Timeline(time, signal);
    this.patience = patience;
    this.environment = new WaitEngine.Environment(time, signal, timeline, patience);
  }

  /**
   * Creates a real-time context with default patience.
   *
   * @return a new context; close it to stop its scheduler
   */
  public static Vigil create() {
    return builder().build();
  }

  /**
   * Creates a virtual-time context: its clock starts at {@link VirtualTimeSource#DEFAULT_ORIGIN}
   * and moves only when driven, and its waits run scheduled tasks instead of sleeping.
   *
   * @return a new context
   */
  public static Vigil withVirtualTime() {
    return builder().virtualTime().build();
  }

  /**
   * Starts configuring a context.
   *
   * @return a builder with real time and default patience
   */
  public static VigilBuilder builder() {
    return new VigilBuilder();
  }

  /**
   * Returns the shared real-time context behind the static shortcuts of {@link Waits}. Its
   * configuration cannot change, and closing it does nothing: it lives as long as the JVM, so no
   * test can stop its scheduler for the others. Prefer a context of your own per test.
   *
   * @return the default context
   */
  public static Vigil defaultContext() {
    return DefaultContext.INSTANCE;
  }

  /**
   * Waits for {@code probe} to return a value that is there (see {@link Eventually}).
   *
   * @param probe the state to observe
   * @param <T> the type of the value
   * @return the wait, to configure and run with {@link Eventually#within}
   */
  public <T extends @Nullable Object> Eventually<T> eventually(Probe<T> probe) {
    return new Eventually<>(environment, WaitSpec.of(WaitKind.EVENTUALLY), notNull(probe));
  }

  /**
   * Waits for {@code check} to pass without throwing.
   *
   * @param check the assertions
   * @return the wait, to configure and run with {@link Eventually#within}
   */
  public Eventually<@Nullable Void> eventually(Check check) {
    return new Eventually<>(environment, checkSpec(WaitKind.EVENTUALLY), asProbe(check));
  }

  /**
   * Checks that {@code probe} keeps returning a value that is there for a whole window.
   *
   * @param probe the state to observe
   * @param <T> the type of the value
   * @return the check, to configure and run with {@link Continually#throughout}
   */
  public <T extends @Nullable Object> Continually<T> continually(Probe<T> probe) {
    return new Continually<>(environment, WaitSpec.of(WaitKind.CONTINUALLY), notNull(probe));
  }

  /**
   * Checks that {@code check} keeps passing for a whole window.
   *
   * @param check the assertions
   * @return the check, to configure and run with {@link Continually#throughout}
   */
  public Continually<@Nullable Void> continually(Check check) {
    return new Continually<>(environment, checkSpec(WaitKind.CONTINUALLY), asProbe(check));
  }

  /**
   * Checks that {@code probe} never returns a value that is there within a window.
   *
   * @param probe the state to observe
   * @param <T> the type of the value
   * @return the check, to configure and run with {@link Never#within}
   */
  public <T extends @Nullable Object> Never<T> never(Probe<T> probe) {
    return new Never<>(environment, WaitSpec.of(WaitKind.NEVER), notNull(probe));
  }

  /**
   * Checks that {@code check} never passes within a window: it fails as soon as the assertions
   * pass. For assertions that must keep passing, use {@link #continually(Check)}.
   *
   * <pre>{@code
   * vigil.never(() -> assertThat(order.status()).isEqualTo(CANCELLED))
   *     .within(Duration.ofSeconds(5));   // the order is never cancelled
   * }</pre>
   *
   * @param check the assertions that describe what must not happen
   * @return the check, to configure and run with {@link Never#within}
   */
  public Never<@Nullable Void> never(Check check) {
    return new Never<>(environment, checkSpec(WaitKind.NEVER), asProbe(check));
  }

  /**
   * Reads a value now, to wait for its change after an event: by a delta, to a value, or to
   * anything else (see {@link Change}).
   *
   * <pre>{@code
   * Change<Integer> stock = vigil.change(() -> inventory.quantity("sku-1")).describedAs("stock");
   * orders.place("sku-1", 3);
   * stock.by(-3).within(Duration.ofSeconds(5));
   * }</pre>
   *
   * @param probe reads the value; it should return the value itself, not a live holder of it
   * @param <T> the type of the value
   * @return the change, holding the value read now
   * @throws IllegalStateException when the probe throws now
   */
  public <T extends @Nullable Object> Change<T> change(Probe<T> probe) {
    return Change.readNow(this, probe);
  }

  /**
   * Starts recording every value {@code probe} takes (see {@link ValueHistory}), polling every 10
   * ms of real time besides the signal's pulses; close it to stop.
   *
   * @param name what the value is, for failures and the timeline; not blank
   * @param probe reads the value; quick, since it runs in threads that pulse the signal
   * @param <T> the type of the value
   * @return the history, already holding the value read now
   */
  public <T extends @Nullable Object> ValueHistory<T> history(String name, Probe<T> probe) {
    return history(name, probe, Duration.ofMillis(10));
  }

  /**
   * Starts recording every value {@code probe} takes, polling at {@code pollInterval} of real time
   * besides the signal's pulses (virtual time needs no polling: the history reads after each task).
   *
   * @param name what the value is; not blank
   * @param probe reads the value
   * @param pollInterval positive
   * @param <T> the type of the value
   * @return the history, already holding the value read now
   */
  public <T extends @Nullable Object> ValueHistory<T> history(
      String name, Probe<T> probe, Duration pollInterval) {
    Objects.requireNonNull(name, "name must not be null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank, was '" + name + "'");
    }
    Durations.positiveNanos("pollInterval", pollInterval);
    return new ValueHistory<>(this, name, notNull(probe), pollInterval);
  }

  /**
   * Waits for {@code future} to complete normally and returns its value (see {@link Completes}); it
   * fails at once if the future fails or is cancelled.
   *
   * @param future the future; seen done when the wait looks
   * @param <T> the type of the value
   * @return the wait, to run with {@link Completes#within} or {@link Completes#get}
   */
  public <T extends @Nullable Object> Completes<T> completes(Future<? extends T> future) {
    return Completes.of(this, future);
  }

  /**
   * Waits for {@code stage} to complete normally and returns its value; its completion is recorded
   * at its own instant.
   *
   * @param stage the stage
   * @param <T> the type of the value
   * @return the wait
   */
  public <T extends @Nullable Object> Completes<T> completes(CompletionStage<? extends T> stage) {
    return Completes.ofStage(this, stage);
  }

  /**
   * Waits for {@code future} to complete normally and returns its value.
   *
   * @param future the future
   * @param <T> the type of the value
   * @return the wait
   */
  // A CompletableFuture is both a Future and a CompletionStage, so without this overload a call
  // with one would be ambiguous; it takes the stage's exact completion instant.
  public <T extends @Nullable Object> Completes<T> completes(
      CompletableFuture<? extends T> future) {
    return Completes.ofStage(this, future);
  }

  /**
   * Waits for {@code future} to fail and returns the failure, unwrapped (see {@link Fails}).
   *
   * @param future the future; seen done when the wait looks
   * @return the wait, expecting any failure until told otherwise
   */
  public Fails<Throwable> fails(Future<?> future) {
    return Fails.of(this, future);
  }

  /**
   * Waits for {@code stage} to fail and returns the failure, unwrapped.
   *
   * @param stage the stage
   * @return the wait
   */
  public Fails<Throwable> fails(CompletionStage<?> stage) {
    return Fails.ofStage(this, stage);
  }

  /**
   * Waits for {@code future} to fail and returns the failure, unwrapped.
   *
   * @param future the future
   * @return the wait
   */
  // As for completes: the overload a CompletableFuture would otherwise find ambiguous.
  public Fails<Throwable> fails(CompletableFuture<?> future) {
    return Fails.ofStage(this, future);
  }

  /**
   * Waits for every future of a list to be done, however each ends, and returns all outcomes by
   * index and in completion order (see {@link Gather}), as {@code asyncio.gather(...,
   * return_exceptions=True)} does.
   *
   * @param futures the futures, such as {@code CompletableFuture}s
   * @param <T> the type of the values
   * @return the wait
   */
  public <T extends @Nullable Object> Gather<T> gather(
      List<? extends Future<? extends T>> futures) {
    return Gather.of(this, futures);
  }

  /**
   * Waits for every stage of a list to be done, however each ends, and returns all outcomes.
   *
   * @param stages the stages
   * @param <T> the type of the values
   * @return the wait
   */
  public <T extends @Nullable Object> Gather<T> gatherStages(
      List<? extends CompletionStage<? extends T>> stages) {
    return Gather.ofStages(this, stages);
  }

  /**
   * Prepares a check that an operation times out at exactly its deadline on virtual time, not
   * before, and cleans up after itself (see {@link TimeoutCheck}).
   *
   * @param operation starts the operation and returns its future; run by {@link TimeoutCheck#at}
   * @return the check
   */
  public TimeoutCheck timesOut(Supplier<? extends Future<?>> operation) {
    return TimeoutCheck.of(this, operation);
  }

  /**
   * Wraps an executor so that every subtask run on it is recorded, for the checks of a fail-fast
   * group (see {@link SubtaskWatch}).
   *
   * @param executor such as a thread pool, or {@link #scheduler()} under virtual time
   * @return the watching executor, to hand to the code under test
   */
  public SubtaskWatch watchSubtasks(ExecutorService executor) {
    return SubtaskWatch.of(this, executor);
  }

  /**
   * Returns the context's time source.
   *
   * @return the time source
   */
  public TimeSource time() {
    return time;
  }

  /**
   * Returns a clock on the context's time, to hand to the code under test.
   *
   * @return the clock
   */
  public Clock clock() {
    return time.clock();
  }

  /**
   * Returns the scheduler on the context's time, to hand to the code under test.
   *
   * @return the scheduler, shut down when the context closes
   */
  public ScheduledExecutorService scheduler() {
    return time.scheduler();
  }

  /**
   * Returns the controls of this context's virtual time.
   *
   * @return the virtual time source
   * @throws IllegalStateException when the context runs on real time
   */
  public VirtualTimeSource virtualTime() {
    if (time instanceof VirtualTimeSource virtual) {
      return virtual;
    }
    throw new IllegalStateException(
        "this context runs on " + time + "; create it with Vigil.withVirtualTime()");
  }

  /**
   * Returns the signal that wakes this context's waits.
   *
   * @return the signal
   */
  public Signal signal() {
    return signal;
  }

  /**
   * Returns the timeline every component of this context records into.
   *
   * @return the timeline
   */
  public Timeline timeline() {
    return timeline;
  }

  /**
   * Returns the defaults this context gives its waits.
   *
   * @return the patience
   */
  public Patience patience() {
    return patience;
  }

  /**
   * Registers a resource for this context to close, and for leak checks to report while it is open
   * ({@code LeakCheck.watching(vigil)}). Vigil's own components register themselves when they open
   * and {@linkplain #untrack unregister} when they close; call it for resources of your own that a
   * test might forget. Registering a resource twice keeps the first registration. On {@link
   * #defaultContext()} this does nothing, since that context never closes.
   *
   * <pre>{@code
   * KafkaContainer kafka = new KafkaContainer(image);
   * kafka.start();
   * vigil.track(kafka, "Kafka on " + kafka.getBootstrapServers());
   * }</pre>
   *
   * @param resource the resource; compared by identity
   * @param description what it is, for reports, such as {@code WebhookServer on
   *     http://127.0.0.1:41234}; not blank
   */
  public void track(AutoCloseable resource, String description) {
    Objects.requireNonNull(resource, "resource must not be null");
    Objects.requireNonNull(description, "description must not be null");
    if (description.isBlank()) {
      throw new IllegalArgumentException(
          "description must not be blank, was '" + description + "'");
    }
    if (resources != null) {
      resources.track(resource, description);
    }
  }

  /**
   * Unregisters a resource that has closed; nothing happens when it was not registered.
   *
   * @param resource the resource, as registered
   */
  public void untrack(AutoCloseable resource) {
    Objects.requireNonNull(resource, "resource must not be null");
    if (resources != null) {
      resources.untrack(resource);
    }
  }

  /**
   * Returns the registered resources that have not closed yet, oldest first; always empty on {@link
   * #defaultContext()}.
   *
   * @return a snapshot
   */
  public List<OpenResource> openResources() {
    return resources == null ? List.of() : resources.openResources();
  }

  /**
   * Closes every registered resource still open, newest first (as try-with-resources would), then
   * stops the context's scheduler; on {@link #defaultContext()}, which the whole JVM shares, does
   * nothing. A resource that fails to close does not keep the others open: the first failure is
   * thrown once everything closed, with the later ones suppressed (a checked exception wrapped in
   * an {@link IllegalStateException} naming the resource). Closing twice is harmless.
   */
  @Override
  public void close() {
    if (resources == null) {
      return;
    }
    Throwable failure = resources.closeAll();
    try {
      time.close();
    } catch (RuntimeException | Error e) {
      if (failure == null) {
        failure = e;
      } else {
        failure.addSuppressed(e);
      }
    }
    if (failure != null) {
      throw Sneaky.rethrow(failure); // a RuntimeException or an Error: closeAll wraps the rest
    }
  }

  @Override
  public String toString() {
    return "Vigil[" + time + ", timeout " + patience.timeout() + "]";
  }

  private static <T> Probe<T> notNull(@Nullable Probe<T> probe) {
    return Objects.requireNonNull(probe, "probe must not be null");
  }

  private static WaitSpec checkSpec(WaitKind kind) {
    WaitSpec plain = WaitSpec.of(kind);
    SpecBuilder b = new SpecBuilder(plain);
    b.valueless = true;
    // An assertion block holds whenever it returns; its value (null) means nothing.
    b.predicate = value -> true;
    return b.build();
  }

  private static Probe<@Nullable Void> asProbe(@Nullable Check check) {
    Objects.requireNonNull(check, "check must not be null");
    return () -> {
      check.verify();
      return null;
    };
  }

  /** Holds the default context, created on first use. */
  private static final class DefaultContext {
    static final Vigil INSTANCE = new Vigil(TimeSource.real(), Patience.defaults(), true);
  }
}
