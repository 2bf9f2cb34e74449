package dev.vigil.async;

import dev.vigil.Vigil;
import dev.vigil.timeline.Attributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every subtask a watch recorded, the event counter that orders their steps, and the timeline
 * entries (source {@value #SOURCE}) that show them.
 */
final class SubtaskLog {
  /** The timeline source of subtask steps. */
  static final String SOURCE = "subtask";

  private final Vigil vigil;
  private final AtomicLong events = new AtomicLong();
  private final List<SubtaskRecord> records = new ArrayList<>();

  SubtaskLog(Vigil vigil) {
    this.vigil = vigil;
  }

  /** Records a submission; {@code task}'s own text names it, unless it is a lambda. */
  SubtaskRecord submitted(Object task) {
    String text = String.valueOf(task);
    // A lambda's or Object's own text names nothing a reader wrote.
    boolean unnamed = text.contains("$$Lambda") || text.startsWith(task.getClass().getName() + "@");
    String name = unnamed ? "" : text;
    SubtaskRecord record;
    synchronized (records) {
      record = new SubtaskRecord(this, records.size(), name, now());
      records.add(record);
    }
    record(record, "submitted", record.label());
    return record;
  }

  long nextEvent() {
    return events.incrementAndGet();
  }

  Instant now() {
    return vigil.time().instant();
  }

  void record(SubtaskRecord record, String type, String summary) {
    vigil
        .timeline()
        .append(
            SOURCE,
            type,
            null,
            null,
            summary,
            Attributes.of("index", String.valueOf(record.index())));
  }

  List<SubtaskRecord> records() {
    synchronized (records) {
      return List.copyOf(records);
    }
  }

  List<SubtaskRecord.View> views() {
    return records().stream().map(SubtaskRecord::view).toList();
  }
}
