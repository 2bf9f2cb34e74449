package dev.vigil.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One wait's view of the journal: reads only what arrived since its last look, keeps the matches in
 * arrival order, and explains a timeout by listing what did arrive and how the closest requests
 * differed from what was awaited.
 */
final class RequestScan {
  private static final int LISTED = 30;
  private static final int CLOSEST = 3;

  private final Journal journal;
  private final RequestMatcher matcher;
  private final String prefix;
  private final List<RecordedRequest> matches = new ArrayList<>();
  private long lastSeen;

  RequestScan(Journal journal, RequestMatcher matcher, String prefix) {
    this.journal = journal;
    this.matcher = matcher;
    this.prefix = prefix;
  }

  /** Returns every match so far, oldest first. */
  List<RecordedRequest> matches() {
    for (RecordedRequest request : journal.after(lastSeen)) {
      lastSeen = request.sequence();
      RecordedRequest local = Namespaces.relative(request, prefix);
      RecordedRequest matched = local == null ? null : matcher.match(local);
      if (matched != null) {
        matches.add(matched);
      }
    }
    return matches;
  }

  /** Lists what arrived, the closest requests' differences and the rejections. */
  String report() {
    List<RecordedRequest> seen = new ArrayList<>();
    for (RecordedRequest request : journal.requests()) {
      RecordedRequest local = Namespaces.relative(request, prefix);
      if (local != null) {
        seen.add(local);
      }
    }
    StringBuilder out = new StringBuilder();
    String where = prefix.isEmpty() ? "" : " under " + prefix;
    if (seen.isEmpty()) {
      out.append("no request received").append(where);
    } else {
      out.append("requests received").append(where).append(" (").append(seen.size()).append("):");
      seen.stream().limit(LISTED).forEach(r -> out.append("\n  ").append(r));
      if (seen.size() > LISTED) {
        out.append("\n  … and ").append(seen.size() - LISTED).append(" more");
      }
      appendClosest(out, seen);
    }
    List<RejectedRequest> rejected = journal.rejectionsUnder(prefix);
    if (!rejected.isEmpty()) {
      out.append("\nrejected on the wire (").append(rejected.size()).append("):");
      rejected.stream().limit(LISTED).forEach(r -> out.append("\n  ").append(r));
    }
    return out.toString();
  }

  private void appendClosest(StringBuilder out, List<RecordedRequest> seen) {
    record Miss(RecordedRequest request, List<String> reasons) {}
    List<Miss> misses = new ArrayList<>();
    for (RecordedRequest request : seen) {
      List<String> reasons = matcher.mismatches(request);
      if (!reasons.isEmpty()) {
        misses.add(new Miss(request, reasons));
      }
    }
    if (misses.isEmpty()) {
      return;
    }
    misses.sort(Comparator.comparingInt((Miss m) -> m.reasons().size()));
    out.append("\nclosest to ").append(matcher).append(':');
    for (Miss miss : misses.subList(0, Math.min(CLOSEST, misses.size()))) {
      out.append("\n  #").append(miss.request().sequence()).append(": ");
      out.append(String.join("; ", miss.reasons()));
    }
  }
}
