package dev.vigil.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.vigil.Vigil;
import dev.vigil.timeline.TimelineEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class BusRecorderTest {
  @AutoClose private final Vigil vigil = Vigil.withVirtualTime();
  private final BusRecorder recorder = BusRecorder.on(vigil.timeline(), "my-broker");

  private static ReceivedMessage received(String body, int receiveCount) {
    return new ReceivedMessage(
        "orders", "m-1", body, Map.of(), "h-1", receiveCount, null, null, Instant.EPOCH, "flow-1");
  }

  private TimelineEntry only() {
    assertThat(vigil.timeline().entries()).hasSize(1);
    return vigil.timeline().entries().get(0);
  }

  @Test
  void a_receipt_is_recorded_in_the_contracts_vocabulary_with_the_backend() {
    recorder.received(received("{\"id\":1}", 2));

    TimelineEntry entry = only();
    assertThat(entry.source()).isEqualTo(BusEntries.SOURCE);
    assertThat(entry.type()).isEqualTo(BusEntries.receive("orders"));
    assertThat(entry.correlationId()).isEqualTo("flow-1");
    assertThat(entry.causationId()).isEqualTo("m-1");
    assertThat(entry.summary()).isEqualTo("{\"id\":1}");
    assertThat(entry.attributes())
        .containsExactly(
            Map.entry("queue", "orders"),
            Map.entry("messageId", "m-1"),
            Map.entry("receiveCount", "2"),
            Map.entry("backend", "my-broker"));
  }

  @Test
  void a_publish_names_the_queues_that_take_it_only_when_the_backend_knows_them() {
    recorder.published("order-created", "m-1", "flow-1", "{}", List.of("billing", "shipping"));
    recorder.published("order-created", "m-2", null, "{}", List.of());

    List<TimelineEntry> entries = vigil.timeline().byType(BusEntries.publish("order-created"));
    assertThat(entries.get(0).attributes()).containsEntry("deliveredTo", "billing,shipping");
    assertThat(entries.get(1).attributes()).doesNotContainKey("deliveredTo");
  }

  @Test
  void a_long_body_is_cut_in_the_summary_but_a_failure_text_is_kept_whole() {
    String body = "x".repeat(100);
    String failure = "cannot reach " + "y".repeat(100);

    recorder.sent("orders", "m-1", null, body);
    recorder.record("endpoint-failed orders", null, null, failure, Map.of("queue", "orders"));

    assertThat(vigil.timeline().entries().get(0).summary()).isEqualTo("x".repeat(79) + "…");
    assertThat(vigil.timeline().entries().get(1).summary()).isEqualTo(failure);
    assertThat(vigil.timeline().entries().get(1).attributes())
        .containsExactly(Map.entry("queue", "orders"), Map.entry("backend", "my-broker"));
  }

  @Test
  void failures_dead_letters_purges_and_visibility_changes_say_what_happened() {
    recorder.handlerFailed(received("{}", 3), new IllegalStateException("database down"));
    recorder.deadLettered(received("{}", 3), "orders-dlq");
    recorder.purged("orders", 2);
    recorder.purged("orders", -1);
    recorder.visibilityChanged("orders", "h-1", Duration.ofSeconds(30));
    recorder.deleteIgnored("orders", "h-0");

    assertThat(vigil.timeline().entries())
        .extracting(TimelineEntry::type, TimelineEntry::summary)
        .containsExactly(
            tuple("handler-failed orders", "java.lang.IllegalStateException: database down"),
            tuple("dead-letter orders", "{}"),
            tuple("purge orders", "2 messages deleted"),
            tuple("purge orders", "purged (my-broker does not count)"),
            tuple("change-visibility orders", "visible again in PT30S"),
            tuple("delete-ignored orders", "stale or unknown receipt handle h-0"));
    assertThat(vigil.timeline().entries().get(0).attributes())
        .containsEntry("exception", "java.lang.IllegalStateException");
    assertThat(vigil.timeline().entries().get(1).attributes())
        .containsEntry("deadLetterQueue", "orders-dlq")
        .containsEntry("receiveCount", "3");
    assertThat(vigil.timeline().entries().get(3).attributes()).containsEntry("deleted", "unknown");
  }

  @Test
  void a_blank_backend_is_refused_naming_it() {
    assertThatThrownBy(() -> BusRecorder.on(vigil.timeline(), " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("backend must not be blank, was ' '");
  }
}
