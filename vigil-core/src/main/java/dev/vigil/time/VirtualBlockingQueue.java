package dev.vigil.time;

import java.util.AbstractQueue;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * A bounded {@link BlockingQueue} on virtual time, for code under test that takes one: {@code put}
 * on a full queue and {@code take} on an empty one park a {@link Fiber}, and the timed {@code
 * offer} and {@code poll} give up when the virtual clock passes their timeout. Elsewhere they block
 * by the rules of {@link VirtualScheduler}. A producer that outruns its consumer is seen parked in
 * {@code put}, at an exact count, every run.
 *
 * <pre>{@code
 * VirtualBlockingQueue<Integer> queue = VirtualBlockingQueue.create(vigil.virtualTime(), 5);
 * Fiber<?> producer = vigil.virtualTime().startFiber("producer", () -> {
 *   for (int i = 0; i < 100; i++) queue.put(i);
 * });
 * vigil.virtualTime().runUntilIdle();
 * assertThat(queue.isFull()).isTrue();
 * assertThat(queue.blockedProducers()).isEqualTo(1);
 * }</pre>
 *
 * <p>Its iterator walks a snapshot and does not remove.
 *
 * @param <E> the element type
 * @since 0.1
 */
public final class VirtualBlockingQueue<E> extends AbstractQueue<E> implements BlockingQueue<E> {
  private final VirtualScheduler scheduler;
  private final int capacity;
  private final ArrayDeque<E> items = new ArrayDeque<>();
  private final FiberWaiters notFull;
  private final FiberWaiters notEmpty;
  private int blockedProducers;
  private int blockedConsumers;

  private VirtualBlockingQueue(VirtualScheduler scheduler, int capacity) {
    this.scheduler = scheduler;
    this.capacity = capacity;
    this.notFull = new FiberWaiters(scheduler);
    this.notEmpty = new FiberWaiters(scheduler);
  }

  /**
   * Makes a queue that holds at most {@code capacity} elements.
   *
   * @param time the virtual time it blocks on
   * @param capacity positive
   * @param <E> the element type
   * @return the queue
   */
  public static <E> VirtualBlockingQueue<E> create(VirtualTimeSource time, int capacity) {
    Objects.requireNonNull(time, "time must not be null");
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive, was " + capacity);
    }
    return new VirtualBlockingQueue<>(time.scheduler(), capacity);
  }

  // ---- non-blocking ----------------------------------------------------------------------

  @Override
  public boolean offer(E element) {
    Objects.requireNonNull(element, "element must not be null");
    synchronized (this) {
      if (items.size() >= capacity) {
        return false;
      }
      items.addLast(element);
    }
    notEmpty.changed();
    return true;
  }

  @Override
  public @Nullable E poll() {
    E head;
    synchronized (this) {
      head = items.pollFirst();
    }
    if (head != null) {
      notFull.changed();
    }
    return head;
  }

  @Override
  public synchronized @Nullable E peek() {
    return items.peekFirst();
  }

  @Override
  public synchronized int size() {
    return items.size();
  }

  @Override
  public synchronized int remainingCapacity() {
    return capacity - items.size();
  }

  /**
   * Tells whether the queue holds as many elements as it may.
   *
   * @return {@code true} when full
   */
  public synchronized boolean isFull() {
    return items.size() >= capacity;
  }

  /**
   * Counts the callers (fibers or threads) blocked in {@code put} or a timed {@code offer} now.
   *
   * @return how many producers wait for room
   */
  public synchronized int blockedProducers() {
    return blockedProducers;
  }

  /**
   * Counts the callers (fibers or threads) blocked in {@code take} or a timed {@code poll} now.
   *
   * @return how many consumers wait for an element
   */
  public synchronized int blockedConsumers() {
    return blockedConsumers;
  }

  @Override
  public Iterator<E> iterator() {
    return snapshot().iterator();
  }

  private synchronized List<E> snapshot() {
    return List.copyOf(items);
  }

  @Override
  public boolean remove(@Nullable Object element) {
    boolean removed;
    synchronized (this) {
      removed = items.remove(element);
    }
    if (removed) {
      notFull.changed();
    }
    return removed;
  }

  @Override
  public int drainTo(Collection<? super E> target) {
    return drainTo(target, Integer.MAX_VALUE);
  }

  @Override
  public int drainTo(Collection<? super E> target, int maxElements) {
    Objects.requireNonNull(target, "target must not be null");
    if (target == this) {
      throw new IllegalArgumentException("target must not be this queue");
    }
    int drained = 0;
    synchronized (this) {
      while (drained < maxElements && !items.isEmpty()) {
        target.add(items.pollFirst());
        drained++;
      }
    }
    if (drained > 0) {
      notFull.changed();
    }
    return drained;
  }

  // ---- blocking --------------------------------------------------------------------------

  @Override
  public void put(E element) throws InterruptedException {
    var unused = offer(element, Long.MAX_VALUE, "VirtualBlockingQueue.put(" + element + ")");
  }

  @Override
  public boolean offer(E element, long timeout, TimeUnit unit) throws InterruptedException {
    long nanos = TimeArguments.timeoutNanos(timeout, unit);
    return offer(
        element,
        nanos,
        "VirtualBlockingQueue.offer(" + element + ", " + timeout + " " + unit + ")");
  }

  private boolean offer(E element, long timeoutNanos, String call) throws InterruptedException {
    Objects.requireNonNull(element, "element must not be null");
    if (offer(element)) {
      return true;
    }
    synchronized (this) {
      blockedProducers++;
    }
    try {
      // The condition adds the element the moment there is room, so no one takes the slot between.
      return VirtualBlocking.await(scheduler, notFull, () -> offer(element), timeoutNanos, call);
    } finally {
      synchronized (this) {
        blockedProducers--;
      }
    }
  }

  @Override
  public E take() throws InterruptedException {
    E head = poll(Long.MAX_VALUE, "VirtualBlockingQueue.take()");
    return Objects.requireNonNull(head); // an untimed wait ends only with an element
  }

  @Override
  public @Nullable E poll(long timeout, TimeUnit unit) throws InterruptedException {
    long nanos = TimeArguments.timeoutNanos(timeout, unit);
    return poll(nanos, "VirtualBlockingQueue.poll(" + timeout + " " + unit + ")");
  }

  private @Nullable E poll(long timeoutNanos, String call) throws InterruptedException {
    E head = poll();
    if (head != null) {
      return head;
    }
    AtomicReference<@Nullable E> taken = new AtomicReference<>();
    synchronized (this) {
      blockedConsumers++;
    }
    try {
      // The condition takes the head the moment there is one, so no one takes it between.
      boolean got =
          VirtualBlocking.await(scheduler, notEmpty, () -> takeInto(taken), timeoutNanos, call);
      return got ? taken.get() : null;
    } finally {
      synchronized (this) {
        blockedConsumers--;
      }
    }
  }

  private boolean takeInto(AtomicReference<@Nullable E> taken) {
    E head = poll();
    taken.set(head);
    return head != null;
  }

  @Override
  public String toString() {
    synchronized (this) {
      return "VirtualBlockingQueue[size="
          + items.size()
          + "/"
          + capacity
          + ", blocked producers="
          + blockedProducers
          + ", blocked consumers="
          + blockedConsumers
          + "]";
    }
  }
}
