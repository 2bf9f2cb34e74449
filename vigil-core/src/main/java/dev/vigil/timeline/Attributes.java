package dev.vigil.timeline;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The attributes of a {@link TimelineEntry}: an immutable map of strings that keeps insertion order
 * and stores its pairs in one array. A timeline keeps millions of small maps, so each costs one
 * array instead of a hash table; passing one to {@link Timeline#append} skips the copy.
 *
 * <pre>{@code
 * timeline.append("bus", "ack orders", id, messageId, "", Attributes.of("queue", "orders"));
 * }</pre>
 *
 * @since 0.1
 */
public final class Attributes extends AbstractMap<String, String> {
  private static final Attributes EMPTY = new Attributes(new String[0]);

  /** Names at even indexes, each followed by its value. */
  private final String[] pairs;

  private Attributes(String[] pairs) {
    this.pairs = pairs;
  }

  /**
   * Returns attributes from alternating names and values.
   *
   * @param namesAndValues name, value, name, value…; no nulls, no repeated name
   * @return the attributes, in the order given
   */
  public static Attributes of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException(
          "namesAndValues must alternate names and values, was an odd count "
              + namesAndValues.length);
    }
    String[] pairs = namesAndValues.clone();
    for (int i = 0; i < pairs.length; i += 2) {
      check(pairs[i], pairs[i + 1]);
      for (int j = 0; j < i; j += 2) {
        if (pairs[j].equals(pairs[i])) {
          throw new IllegalArgumentException("attribute '" + pairs[i] + "' is given twice");
        }
      }
    }
    return pairs.length == 0 ? EMPTY : new Attributes(pairs);
  }

  /**
   * Returns an immutable copy of {@code attributes} in its iteration order.
   *
   * @param attributes no null names or values
   * @return the copy, or {@code attributes} itself when it is already {@code Attributes}
   */
  public static Attributes copyOf(Map<String, String> attributes) {
    if (attributes instanceof Attributes already) {
      return already;
    }
    if (attributes.isEmpty()) {
      return EMPTY;
    }
    String[] pairs = new String[attributes.size() * 2];
    int i = 0;
    for (Map.Entry<String, String> attribute : attributes.entrySet()) {
      String name = attribute.getKey();
      if (name == null) {
        throw new IllegalArgumentException(
            "attributes must not contain a null key, were " + attributes);
      }
      check(name, attribute.getValue());
      pairs[i++] = name;
      pairs[i++] = attribute.getValue();
    }
    return new Attributes(pairs);
  }

  private static void check(@Nullable String name, @Nullable String value) {
    if (name == null) {
      throw new IllegalArgumentException("attributes must not contain a null key");
    }
    if (value == null) {
      throw new IllegalArgumentException("attribute '" + name + "' must not have a null value");
    }
  }

  @Override
  public int size() {
    return pairs.length / 2;
  }

  @Override
  public boolean containsKey(@Nullable Object name) {
    return indexOf(name) >= 0;
  }

  @Override
  public @Nullable String get(@Nullable Object name) {
    int index = indexOf(name);
    return index < 0 ? null : pairs[index + 1];
  }

  private int indexOf(@Nullable Object name) {
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public Set<Map.Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, String>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < pairs.length;
          }

          @Override
          public Map.Entry<String, String> next() {
            if (next >= pairs.length) {
              throw new NoSuchElementException();
            }
            Map.Entry<String, String> entry =
                new AbstractMap.SimpleImmutableEntry<>(pairs[next], pairs[next + 1]);
            next += 2;
            return entry;
          }
        };
      }

      @Override
      public int size() {
        return pairs.length / 2;
      }
    };
  }
}
