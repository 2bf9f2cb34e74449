package dev.vigil.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The entries of one correlation id, in timeline order, with assertions on their chain: pattern 4
 * of trace correlation, where order is checked by index and not by mere presence.
 *
 * <p>Each assertion returns this trace so that they chain, and throws a {@link TraceAssertionError}
 * that prints the expected chain beside the actual one. Inside {@code vigil.eventually(() ->
 * timeline.trace(id).containsInOrder(...))} the wait wakes on every append. {@link #of} makes the
 * same chain assertions over any selection of entries, such as one source's.
 *
 * @since 0.1
 */
public final class Trace {
  private final @Nullable String correlationId;
  private final String subject;
  private final List<TimelineEntry> entries;

  Trace(String correlationId, List<TimelineEntry> entries) {
    this(correlationId, "trace " + correlationId, entries);
  }

  private Trace(@Nullable String correlationId, String subject, List<TimelineEntry> entries) {
    this.correlationId = correlationId;
    this.subject = subject;
    this.entries = entries;
  }

  /**
   * Returns a chain of any entries, such as the whole timeline or one source's entries, with the
   * same assertions and failure texts as a trace; the failures name it by {@code subject}.
   *
   * <pre>{@code
   * Trace.of("the bus entries", timeline.select(e -> e.source().equals("bus")))
   *     .containsInOrder("send billing", "receive billing");
   * }</pre>
   *
   * @param subject how failures name the chain, such as {@code "the timeline"}; not blank
   * @param entries the entries, in timeline order; copied
   * @return the chain
   */
  public static Trace of(String subject, List<TimelineEntry> entries) {
    Objects.requireNonNull(subject, "subject must not be null");
    if (subject.isBlank()) {
      throw new IllegalArgumentException("subject must not be blank, was '" + subject + "'");
    }
    Objects.requireNonNull(entries, "entries must not be null");
    return new Trace(null, subject, List.copyOf(entries));
  }

  /**
   * Returns the correlation id of this trace.
   *
   * @return the id, or null for a chain made by {@link #of}, which has none
   */
  public @Nullable String correlationId() {
    return correlationId;
  }

  /**
   * Returns how failures name this chain.
   *
   * @return {@code trace <id>}, or the subject given to {@link #of}
   */
  public String subject() {
    return subject;
  }

  /** Whether this is one correlation id's entries rather than a chain made by {@link #of}. */
  boolean correlated() {
    return correlationId != null;
  }

  /**
   * Returns the entries of this trace, oldest first.
   *
   * @return an immutable list
   */
  public List<TimelineEntry> entries() {
    return entries;
  }

  /**
   * Returns the types of the entries, in order.
   *
   * @return an immutable list
   */
  public List<String> types() {
    return entries.stream().map(TimelineEntry::type).toList();
  }

  /**
   * Returns how many entries this trace holds.
   *
   * @return the number of entries
   */
  public int count() {
    return entries.size();
  }

  /**
   * Returns how many entries of this trace have this type.
   *
   * @param type the type, such as {@code receive billing}
   * @return the number of entries of that type
   */
  public int count(String type) {
    requireTypes(type);
    return indicesOf(type).size();
  }

  /**
   * Asserts that these types occur in this order (other entries may come between them).
   *
   * @param types the expected chain, at least one
   * @return this trace
   * @throws TraceAssertionError when a type is missing or out of order
   */
  public Trace containsInOrder(String... types) {
    requireTypes(types);
    int from = 0;
    for (int step = 0; step < types.length; step++) {
      int found = indexOf(types[step], from);
      if (found < 0) {
        throw new TraceAssertionError(ChainMessages.notInOrder(this, types, step, from));
      }
      from = found + 1;
    }
    return this;
  }

  /**
   * Asserts that exactly one entry has this type.
   *
   * @param type the type
   * @return this trace
   * @throws TraceAssertionError when there is none or more than one
   */
  public Trace containsExactlyOnce(String type) {
    return containsExactly(type, 1);
  }

  /**
   * Asserts that exactly {@code times} entries have this type, such as three deliveries of one
   * message.
   *
   * @param type the type
   * @param times how many entries must have it; not negative
   * @return this trace
   * @throws TraceAssertionError when more or fewer entries have it
   */
  public Trace containsExactly(String type, int times) {
    requireTypes(type);
    if (times < 0) {
      throw new IllegalArgumentException("times must not be negative, was " + times);
    }
    List<Integer> at = indicesOf(type);
    if (at.size() != times) {
      throw new TraceAssertionError(ChainMessages.notExactly(this, type, times, at));
    }
    return this;
  }

  /**
   * Asserts that the first entry of type {@code earlier} comes before the first of type {@code
   * later}, and that both occur.
   *
   * @param earlier the type that must come first
   * @param later the type that must come after it
   * @return this trace
   * @throws TraceAssertionError when either is missing or the order is reversed
   */
  public Trace happensBefore(String earlier, String later) {
    requireTypes(earlier, later);
    int first = indexOf(earlier, 0);
    int second = indexOf(later, 0);
    if (first < 0 || second < 0 || first > second) {
      throw new TraceAssertionError(ChainMessages.notBefore(this, earlier, first, later, second));
    }
    return this;
  }

  /**
   * Asserts that no entry has this type.
   *
   * @param type the type that must not occur
   * @return this trace
   * @throws TraceAssertionError when one does
   */
  public Trace doesNotContain(String type) {
    requireTypes(type);
    List<Integer> at = indicesOf(type);
    if (!at.isEmpty()) {
      throw new TraceAssertionError(ChainMessages.unexpected(this, type, at));
    }
    return this;
  }

  int indexOf(String type, int from) {
    for (int i = from; i < entries.size(); i++) {
      if (entries.get(i).type().equals(type)) {
        return i;
      }
    }
    return -1;
  }

  private List<Integer> indicesOf(String type) {
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).type().equals(type)) {
        at.add(i);
      }
    }
    return at;
  }

  private static void requireTypes(String... types) {
    Objects.requireNonNull(types, "types must not be null");
    if (types.length == 0) {
      throw new IllegalArgumentException("types must not be empty");
    }
    for (String type : types) {
      if (type == null || type.isBlank()) {
        throw new IllegalArgumentException("types must not hold a null or blank type, was " + type);
      }
    }
  }

  @Override
  public String toString() {
    return "Trace[" + (correlationId != null ? correlationId : subject) + ": " + types() + "]";
  }
}
