package dev.vigil.http;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * The requests and rejections a server recorded, in arrival order. Append-only between resets; a
 * reader that remembers the last sequence it saw reads only what is new.
 */
final class Journal {
  private final List<RecordedRequest> requests = new ArrayList<>();
  private final List<RejectedRequest> rejections = new ArrayList<>();
  private long lastSequence;

  /**
   * Numbers and appends a request; the number is its position in arrival order. {@code announce}
   * runs first, under the same lock: a reader woken by what it announces (a timeline entry) reads
   * the journal after this method returns, so it finds the request and its entry both there.
   */
  synchronized RecordedRequest add(
      LongFunction<RecordedRequest> numbered, Consumer<RecordedRequest> announce) {
    RecordedRequest request = numbered.apply(++lastSequence);
    announce.accept(request);
    requests.add(request);
    return request;
  }

  /** Appends a rejection after {@code announce} has run, under the lock, as {@link #add} does. */
  synchronized void reject(RejectedRequest rejection, Consumer<RejectedRequest> announce) {
    announce.accept(rejection);
    rejections.add(rejection);
  }

  synchronized List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** Returns the rejections whose path lies in the namespace {@code prefix} ({@code ""}: all). */
  synchronized List<RejectedRequest> rejectionsUnder(String prefix) {
    return rejections.stream().filter(r -> isUnder(r, prefix)).toList();
  }

  /** A rejection without a path (its request line was unreadable) belongs to the server only. */
  private static boolean isUnder(RejectedRequest rejection, String prefix) {
    String path = rejection.path();
    return prefix.isEmpty() || (path != null && Namespaces.contains(prefix, path));
  }

  /** Returns the requests numbered after {@code sequence}, oldest first. */
  synchronized List<RecordedRequest> after(long sequence) {
    int low = 0;
    int high = requests.size();
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (requests.get(middle).sequence() <= sequence) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low == requests.size()
        ? List.of()
        : new ArrayList<>(requests.subList(low, requests.size()));
  }

  /** Forgets the requests and rejections of the namespace {@code prefix}; numbering continues. */
  synchronized void clear(String prefix) {
    requests.removeIf(request -> Namespaces.contains(prefix, request.path()));
    rejections.removeIf(rejection -> isUnder(rejection, prefix));
  }
}
