package dev.vigil.http;

import dev.vigil.Vigil;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The journal queries and waits of one namespace, on the context's waits. */
final class RequestWaits {
  private final Vigil vigil;
  private final Journal journal;
  private final String prefix;
  private final long senderGraceNanos;

  RequestWaits(Vigil vigil, Journal journal, String prefix, Duration senderGrace) {
    this.vigil = vigil;
    this.journal = journal;
    this.prefix = prefix;
    this.senderGraceNanos = vigil.time().isVirtual() ? senderGrace.toNanos() : 0;
  }

  List<RecordedRequest> all() {
    return matching(RequestMatcher.anyRequest());
  }

  List<RecordedRequest> matching(RequestMatcher matcher) {
    Objects.requireNonNull(matcher, "matcher must not be null");
    return List.copyOf(new RequestScan(journal, matcher, prefix).matches());
  }

  List<RejectedRequest> rejections() {
    return journal.rejectionsUnder(prefix);
  }

  RecordedRequest awaitRequest(RequestMatcher matcher, @Nullable Duration timeout) {
    Objects.requireNonNull(matcher, "matcher must not be null");
    RequestScan scan = new RequestScan(journal, matcher, prefix);
    var wait =
        vigil
            .eventually(() -> firstN(settled(scan, 1), 1))
            .describedAs("a request " + matcher + where())
            .diagnostics(scan::report);
    return (timeout == null ? wait.get() : wait.within(timeout)).get(0);
  }

  List<RecordedRequest> awaitRequests(
      RequestMatcher matcher, int count, @Nullable Duration timeout) {
    Objects.requireNonNull(matcher, "matcher must not be null");
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, was " + count);
    }
    RequestScan scan = new RequestScan(journal, matcher, prefix);
    var wait =
        vigil
            .eventually(() -> firstN(settled(scan, count), count))
            .describedAs(count + " requests " + matcher + where())
            .diagnostics(() -> scan.matches().size() + " matched so far; " + scan.report());
    return timeout == null ? wait.get() : wait.within(timeout);
  }

  void expectNone(RequestMatcher matcher, Duration window) {
    Objects.requireNonNull(matcher, "matcher must not be null");
    RequestScan scan = new RequestScan(journal, matcher, prefix);
    vigil
        .never(() -> firstN(settled(scan, 1), 1))
        .describedAs("a request " + matcher + where())
        .within(window);
  }

  /**
   * Returns the matches, first giving senders on real threads up to the grace of real time to reach
   * {@code wanted} under virtual time. Senders on real threads take real time, which a virtual
   * clock that jumped to the deadline at once would deny them; under real time the wait's own
   * parking on the signal does this.
   */
  private List<RecordedRequest> settled(RequestScan scan, int wanted) {
    long deadline = System.nanoTime() + senderGraceNanos;
    while (true) {
      long seen = vigil.signal().version();
      List<RecordedRequest> matches = scan.matches();
      long remaining = deadline - System.nanoTime();
      if (matches.size() >= wanted || remaining <= 0) {
        return matches;
      }
      try {
        vigil.signal().awaitPulse(seen, remaining);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return matches;
      }
    }
  }

  private String where() {
    return prefix.isEmpty() ? "" : " under " + prefix;
  }

  /**
   * Returns the first {@code count} matches, or an empty list (which a wait takes as "not there
   * yet") while there are fewer; a failure shows the list as its last value.
   */
  private static List<RecordedRequest> firstN(List<RecordedRequest> matches, int count) {
    return matches.size() < count ? List.of() : List.copyOf(matches.subList(0, count));
  }
}
