package dev.vigil.doubles;

import dev.vigil.Vigil;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/** The calls of one double, in order: starts each with its outcome and records it. */
final class CallLog<A extends @Nullable Object, R extends @Nullable Object> {
  private final Vigil vigil;
  private final Instant origin;
  private final List<CallFuture<A, R>> futures = new ArrayList<>();

  CallLog(Vigil vigil) {
    this.vigil = vigil;
    this.origin = vigil.time().instant();
  }

  /** When the double was made: failures show each call's time since then. */
  Instant origin() {
    return origin;
  }

  /**
   * Records a call on the timeline and starts the script's next outcome on it.
   *
   * @param shownArguments the arguments as the timeline shows them, such as {@code ("123")}
   */
  CompletableFuture<R> start(String name, A argument, String shownArguments, Script<R> script) {
    CallFuture<A, R> future;
    Outcome<R> outcome;
    synchronized (this) { // concurrent calls take outcomes in the order of their numbers
      outcome = script.next();
      future = new CallFuture<>(vigil, name, futures.size() + 1, argument);
      futures.add(future);
    }
    String number = String.valueOf(future.number());
    vigil
        .timeline()
        .append(
            AsyncDouble.SOURCE,
            name + " called",
            null,
            null,
            "#" + number + " " + shownArguments,
            Map.of("call", number, "arguments", shownArguments));
    outcome.applyTo(future, vigil);
    return future;
  }

  /** Each call as it stands now, oldest first. */
  synchronized List<Call<A, R>> calls() {
    List<Call<A, R>> calls = new ArrayList<>(futures.size());
    for (CallFuture<A, R> future : futures) {
      calls.add(future.snapshot());
    }
    return calls;
  }
}
