package dev.vigil.async;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A small fail-fast task group, the code under test of the subtask-watch tests: it runs subtasks on
 * an executor and ends once every one has ended; the first failure cancels the others (queued ones
 * never start, running ones are interrupted); it fails with every failure (the first as cause, all
 * as suppressed), like Python's {@code TaskGroup} and its {@code ExceptionGroup}. Its result is a
 * future, so it runs on real threads and on a virtual scheduler alike. A {@link Bug} plants one of
 * the classic mistakes.
 */
final class FailFastGroup<T> {
  /** A planted mistake. */
  enum Bug {
    NONE,
    /** Fails at the first failure without cancelling the others. */
    LEAVES_SIBLINGS_RUNNING,
    /** Fails with the first failure alone, dropping those that came after. */
    KEEPS_ONLY_THE_FIRST_FAILURE,
    /** Cancels the others but ends without waiting for the interrupted ones to stop. */
    ENDS_BEFORE_SIBLINGS_END
  }

  /** What the group fails with: every subtask failure. */
  static final class GroupFailure extends Exception {
    private static final long serialVersionUID = 1L;

    GroupFailure(List<Throwable> failures) {
      super(failures.size() + " subtask(s) failed", failures.get(0));
      failures.forEach(this::addSuppressed);
    }
  }

  private static final int QUEUED = 0;
  private static final int RUNNING = 1;
  private static final int ENDED = 2;

  private final Bug bug;
  private final List<Future<T>> futures = new ArrayList<>();
  private final AtomicReferenceArray<Integer> states;
  private final List<Throwable> failures = new ArrayList<>();
  private final List<T> values;
  private final AtomicInteger unfinished;
  private final CompletableFuture<List<T>> result = new CompletableFuture<>();
  private boolean failing;

  private FailFastGroup(int size, Bug bug) {
    this.bug = bug;
    this.states = new AtomicReferenceArray<>(size);
    this.values = new ArrayList<>(java.util.Collections.nCopies(size, null));
    this.unfinished = new AtomicInteger(size);
  }

  static <T> CompletableFuture<List<T>> run(
      ExecutorService executor, List<? extends Callable<T>> subtasks, Bug bug) {
    FailFastGroup<T> group = new FailFastGroup<>(subtasks.size(), bug);
    synchronized (group) {
      // Held while submitting, so a subtask that fails at once cancels every sibling.
      for (int i = 0; i < subtasks.size(); i++) {
        group.states.set(i, QUEUED);
        int index = i;
        group.futures.add(executor.submit(group.new Slot(index, subtasks.get(i))));
      }
    }
    return group.result;
  }

  /** One subtask as the group runs it; it prints as the subtask does. */
  private final class Slot implements Callable<T> {
    private final int index;
    private final Callable<T> body;

    Slot(int index, Callable<T> body) {
      this.index = index;
      this.body = body;
    }

    @Override
    public T call() throws Exception {
      return runSlot(index, body);
    }

    @Override
    public String toString() {
      return String.valueOf(body);
    }
  }

  private T runSlot(int index, Callable<T> body) throws Exception {
    if (!states.compareAndSet(index, QUEUED, RUNNING)) {
      throw new CancellationException("cancelled by the group");
    }
    try {
      T value = body.call();
      synchronized (this) {
        values.set(index, value);
      }
      return value;
    } catch (Exception failure) {
      failed(index, failure);
      throw failure;
    } finally {
      states.set(index, ENDED);
      ended();
    }
  }

  private synchronized void failed(int index, Exception failure) {
    if (!(failure instanceof InterruptedException || failure instanceof CancellationException)) {
      failures.add(failure);
    }
    if (failing) {
      return;
    }
    failing = true;
    if (bug != Bug.LEAVES_SIBLINGS_RUNNING) {
      cancelSiblings(index);
    }
    if (bug == Bug.LEAVES_SIBLINGS_RUNNING || bug == Bug.ENDS_BEFORE_SIBLINGS_END) {
      result.completeExceptionally(new GroupFailure(List.copyOf(failures)));
    }
  }

  private void cancelSiblings(int failed) {
    for (int i = 0; i < futures.size(); i++) {
      if (i == failed) {
        continue;
      }
      if (states.compareAndSet(i, QUEUED, ENDED)) {
        // Claimed before it started: it never will, so it has ended for the group.
        futures.get(i).cancel(false);
        ended();
      } else if (states.get(i) == RUNNING) {
        futures.get(i).cancel(true);
      }
    }
  }

  private void ended() {
    if (unfinished.decrementAndGet() > 0) {
      return;
    }
    synchronized (this) {
      if (failures.isEmpty()) {
        result.complete(List.copyOf(values));
      } else if (bug == Bug.KEEPS_ONLY_THE_FIRST_FAILURE) {
        result.completeExceptionally(failures.get(0));
      } else {
        result.completeExceptionally(new GroupFailure(List.copyOf(failures)));
      }
    }
  }
}
