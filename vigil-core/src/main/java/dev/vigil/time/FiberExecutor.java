package dev.vigil.time;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * An {@link ExecutorService} whose every task is a {@link Fiber}, for code under test that takes an
 * executor and whose tasks block: on virtual time they park instead. Made by {@link
 * VirtualTimeSource#fiberExecutor(String)}; the futures it returns are the fibers, so {@code
 * cancel(true)} interrupts a parked task.
 */
final class FiberExecutor implements ExecutorService {
  private final VirtualScheduler scheduler;
  private final String name;
  private final FiberWaiters ended;
  private final Set<Fiber<?>> running = new LinkedHashSet<>();
  private int started;
  private boolean shutdown;

  FiberExecutor(VirtualScheduler scheduler, String name) {
    this.scheduler = scheduler;
    this.name = name;
    this.ended = new FiberWaiters(scheduler);
  }

  @Override
  public <T> Fiber<T> submit(Callable<T> task) {
    Objects.requireNonNull(task, "task must not be null");
    Fiber<T> fiber;
    synchronized (this) {
      if (shutdown) {
        throw new RejectedExecutionException("fiber executor '" + name + "' is shut down");
      }
      fiber = Fiber.startOn(scheduler, name + "-" + ++started, () -> runTracked(task));
      running.add(fiber);
    }
    return fiber;
  }

  private <T> T runTracked(Callable<T> task) throws Exception {
    try {
      return task.call();
    } finally {
      synchronized (this) {
        running.remove(Fiber.current());
      }
      ended.changed();
    }
  }

  @Override
  public <T> Future<T> submit(Runnable task, T result) {
    Objects.requireNonNull(task, "task must not be null");
    return submit(
        () -> {
          task.run();
          return result;
        });
  }

  @Override
  @SuppressWarnings("NullAway") // a Runnable's future holds null, as ExecutorService specifies
  public Future<?> submit(Runnable task) {
    return submit(task, null);
  }

  @Override
  public void execute(Runnable command) {
    var unused = submit(command);
  }

  @Override
  public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks)
      throws InterruptedException {
    return invokeAll(tasks, Long.MAX_VALUE, TimeUnit.NANOSECONDS);
  }

  /**
   * Runs every task as a fiber; after the timeout of virtual time, unfinished ones are cancelled.
   */
  @Override
  public <T> List<Future<T>> invokeAll(
      Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
      throws InterruptedException {
    List<Future<T>> fibers = new ArrayList<>();
    for (Callable<T> task : tasks) {
      fibers.add(submit(task));
    }
    try {
      var unused =
          VirtualBlocking.await(
              scheduler,
              ended,
              () -> fibers.stream().allMatch(Future::isDone),
              TimeArguments.timeoutNanos(timeout, unit),
              "invokeAll(...)");
      return fibers;
    } finally {
      fibers.forEach(fiber -> fiber.cancel(true));
    }
  }

  @Override
  public <T> T invokeAny(Collection<? extends Callable<T>> tasks)
      throws InterruptedException, ExecutionException {
    try {
      return invokeAny(tasks, Long.MAX_VALUE, TimeUnit.NANOSECONDS);
    } catch (TimeoutException impossible) {
      throw new ExecutionException(impossible);
    }
  }

  /** Returns the result of the first task to succeed; the others are cancelled. */
  @Override
  public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
      throws InterruptedException, ExecutionException, TimeoutException {
    if (tasks.isEmpty()) {
      throw new IllegalArgumentException("tasks must not be empty");
    }
    List<Fiber<T>> fibers = new ArrayList<>();
    for (Callable<T> task : tasks) {
      fibers.add(submit(task));
    }
    try {
      boolean settled =
          VirtualBlocking.await(
              scheduler,
              ended,
              () -> firstSucceeded(fibers) != null || fibers.stream().allMatch(Future::isDone),
              TimeArguments.timeoutNanos(timeout, unit),
              "invokeAny(...)");
      Fiber<T> winner = firstSucceeded(fibers);
      if (winner != null) {
        return winner.get();
      }
      if (!settled) {
        throw new TimeoutException("no task succeeded within " + timeout + " " + unit);
      }
      return fibers.get(fibers.size() - 1).get(); // all failed: throws the last failure
    } finally {
      fibers.forEach(fiber -> fiber.cancel(true));
    }
  }

  private static <T> @Nullable Fiber<T> firstSucceeded(List<Fiber<T>> fibers) {
    for (Fiber<T> fiber : fibers) {
      if (fiber.state() == Fiber.State.DONE && !fiber.isCancelled()) {
        return fiber;
      }
    }
    return null;
  }

  @Override
  public synchronized void shutdown() {
    shutdown = true;
  }

  /** Stops accepting tasks and cancels, with interruption, every task not yet ended. */
  @Override
  public List<Runnable> shutdownNow() {
    List<Fiber<?>> live;
    synchronized (this) {
      shutdown = true;
      live = List.copyOf(running);
    }
    live.forEach(fiber -> fiber.cancel(true));
    return List.of();
  }

  @Override
  public synchronized boolean isShutdown() {
    return shutdown;
  }

  @Override
  public synchronized boolean isTerminated() {
    return shutdown && running.stream().allMatch(fiber -> fiber.state().hasEnded());
  }

  /** Waits, on virtual time, for every task to end after a shutdown. */
  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    return VirtualBlocking.await(
        scheduler,
        ended,
        this::isTerminated,
        TimeArguments.timeoutNanos(timeout, unit),
        "awaitTermination(...)");
  }

  @Override
  public synchronized String toString() {
    return "FiberExecutor["
        + name
        + ", running="
        + running.size()
        + (shutdown ? ", shut down" : "")
        + "]";
  }
}
