package dev.vigil.bus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.Vigil;
import dev.vigil.timeline.TimelineEntry;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class BusEntriesTest {
  @AutoClose private final Vigil vigil = Vigil.withVirtualTime();
  @AutoClose private final EmbeddedBus bus = EmbeddedBus.create(vigil);

  @Test
  void every_type_reads_what_then_where() {
    assertThat(BusEntries.publish("t")).isEqualTo("publish t");
    assertThat(BusEntries.send("q")).isEqualTo("send q");
    assertThat(BusEntries.deduplicate("q")).isEqualTo("deduplicate q");
    assertThat(BusEntries.receive("q")).isEqualTo("receive q");
    assertThat(BusEntries.ack("q")).isEqualTo("ack q");
    assertThat(BusEntries.deleteIgnored("q")).isEqualTo("delete-ignored q");
    assertThat(BusEntries.handlerFailed("q")).isEqualTo("handler-failed q");
    assertThat(BusEntries.retry("q")).isEqualTo("retry q");
    assertThat(BusEntries.changeVisibility("q")).isEqualTo("change-visibility q");
    assertThat(BusEntries.deadLetter("q")).isEqualTo("dead-letter q");
    assertThat(BusEntries.expire("q")).isEqualTo("expire q");
    assertThat(BusEntries.purge("q")).isEqualTo("purge q");
    assertThat(BusEntries.fault(BusEntries.FAULT_DUPLICATE, "q")).isEqualTo("fault.duplicate q");
    assertThat(BusEntries.undecodable("q")).isEqualTo("undecodable q");
  }

  @Test
  void the_bus_records_under_the_documented_source_and_types() {
    bus.createQueue(QueueSpec.named("orders").withDeadLetterQueue("orders--dlq", 1));
    bus.subscribe(Subscription.of("order--created", "orders").withRawDelivery());
    bus.injectFaults("orders", FaultPlan.none().withDuplicates(FaultRate.everyNth(1)));

    bus.publish("order--created", Message.of("o-1"));
    bus.receive("orders", Receive.upTo(10).withVisibilityTimeout(Duration.ofSeconds(1)));
    vigil.virtualTime().advanceBy(Duration.ofSeconds(2));
    bus.receive("orders", Receive.upTo(10));

    assertThat(vigil.timeline().entries()).extracting(TimelineEntry::source).containsOnly("bus");
    assertThat(vigil.timeline().entries())
        .extracting(TimelineEntry::type)
        .contains(
            BusEntries.publish("order--created"),
            BusEntries.send("orders"),
            BusEntries.fault(BusEntries.FAULT_DUPLICATE, "orders"),
            BusEntries.receive("orders"),
            BusEntries.retry("orders"),
            BusEntries.deadLetter("orders"));
  }
}
