package dev.vigil.async;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The rules of a fail-fast group over what a {@link SubtaskWatch} recorded, and their failure
 * texts: first failure cancels the siblings, every failure reported, nothing left running.
 */
final class GroupChecks {
  private GroupChecks() {}

  static void firstFailureCancelledSiblings(List<SubtaskRecord.View> views) {
    Optional<SubtaskRecord.View> found = firstFailure(views);
    if (found.isEmpty()) {
      String head = "Expecting a subtask to have failed, for its siblings to be cancelled, but ";
      throw new AsyncAssertionError(
          views.isEmpty() ? head + "none was submitted" : head + "none did:" + lines(views), null);
    }
    SubtaskRecord.View first = found.get();
    List<String> broken = new ArrayList<>();
    for (SubtaskRecord.View view : views) {
      String why = view == first ? null : brokenRule(view, first.endedSeq());
      if (why != null) {
        broken.add(view.subtask() + why);
      }
    }
    if (!broken.isEmpty()) {
      throw new AsyncAssertionError(
          "Expecting the subtasks still running or queued when the first one failed:"
              + Texts.NL
              + "  "
              + first.subtask()
              + Texts.NL
              + "to end cancelled or interrupted, none starting afterwards, but "
              + broken.size()
              + " did not:"
              + indented(broken),
          first.subtask().failure());
    }
  }

  /**
   * The failure that set the group cancelling: the earliest to end among those that failed without
   * being cancelled. A group reacts inside the failing task, so a sibling it cancelled may fail
   * (while stopping) and end a moment before the first failure's task does.
   */
  private static Optional<SubtaskRecord.View> firstFailure(List<SubtaskRecord.View> views) {
    Comparator<SubtaskRecord.View> byEnd = Comparator.comparingLong(SubtaskRecord.View::endedSeq);
    List<SubtaskRecord.View> failed =
        views.stream().filter(view -> view.subtask().state() == Subtask.State.FAILED).toList();
    Optional<SubtaskRecord.View> uncancelled =
        failed.stream().filter(view -> view.subtask().cancelRequestedAt() == null).min(byEnd);
    return uncancelled.isPresent() ? uncancelled : failed.stream().min(byEnd);
  }

  /**
   * Why a sibling of the first failure breaks the rule, or null if it does not. One that returned
   * normally once its cancellation was requested ignored it, whenever that was; otherwise only
   * those that had not ended when the first failure's task ended are judged.
   */
  private static @Nullable String brokenRule(SubtaskRecord.View view, long firstFailure) {
    Subtask subtask = view.subtask();
    boolean cancelled = subtask.cancelRequestedAt() != null;
    if (subtask.state() == Subtask.State.SUCCEEDED && cancelled) {
      return "; it ran to its end although cancelled";
    }
    if (view.endedSeq() < firstFailure) {
      return null;
    }
    if (view.startedSeq() != SubtaskRecord.NOT_YET && view.startedSeq() > firstFailure) {
      return "; it started after the first failure, at " + subtask.startedAt();
    }
    return switch (subtask.state()) {
      case QUEUED, RUNNING -> "";
      // A failure once cancelled is an ending by cancellation (the group must still report it).
      case SUCCEEDED, FAILED -> cancelled ? null : "; it was never cancelled";
      case CANCELLED, INTERRUPTED -> null;
    };
  }

  static void allFailuresReportedIn(Throwable groupFailure, List<SubtaskRecord.View> views) {
    Set<Throwable> reported = reachable(groupFailure);
    List<Subtask> failed = new ArrayList<>();
    List<Subtask> missing = new ArrayList<>();
    for (SubtaskRecord.View view : views) {
      Subtask subtask = view.subtask();
      if (subtask.state() == Subtask.State.FAILED) {
        failed.add(subtask);
        if (!reported.contains(subtask.failure())) {
          missing.add(subtask);
        }
      }
    }
    if (!missing.isEmpty()) {
      throw new AsyncAssertionError(
          "Expecting the group's failure:"
              + Texts.NL
              + "  "
              + Texts.describe(groupFailure, "  ")
              + Texts.NL
              + "to report every subtask failure (as itself, a cause or a suppressed exception),"
              + " but "
              + missing.size()
              + " of "
              + failed.size()
              + (missing.size() == 1 ? " is" : " are")
              + " missing:"
              + indented(missing.stream().map(String::valueOf).toList()),
          groupFailure);
    }
  }

  /** The group failure, its causes, their suppressed exceptions, and so on, by identity. */
  private static Set<Throwable> reachable(Throwable root) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> next = new ArrayDeque<>();
    next.add(root);
    while (!next.isEmpty()) {
      Throwable current = next.poll();
      if (seen.add(current)) {
        if (current.getCause() != null) {
          next.add(current.getCause());
        }
        Collections.addAll(next, current.getSuppressed());
      }
    }
    return seen;
  }

  static void nothingLeftRunning(List<SubtaskRecord.View> views, Instant now) {
    List<SubtaskRecord.View> active =
        views.stream().filter(view -> !view.subtask().state().ended()).toList();
    if (!active.isEmpty()) {
      throw new AsyncAssertionError(
          "Expecting no subtask to be running or queued at "
              + now
              + ", but "
              + count(active.size(), "is", "are")
              + ":"
              + lines(active),
          null);
    }
  }

  private static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  private static String lines(List<SubtaskRecord.View> views) {
    return indented(views.stream().map(view -> String.valueOf(view.subtask())).toList());
  }

  private static String indented(List<String> lines) {
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      text.append(Texts.NL).append("  ").append(line);
    }
    return text.toString();
  }
}
