package dev.vigil.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The configuration types are values: copies compare by content and are checked like the first. */
class OptionTypesTest {

  @Test
  void queue_specs_built_the_same_way_are_equal_and_a_copy_differs_only_where_changed() {
    QueueSpec spec = QueueSpec.named("orders").withDeadLetterQueue("orders--dlq", 3);

    assertThat(spec)
        .isEqualTo(QueueSpec.named("orders").withDeadLetterQueue("orders--dlq", 3))
        .hasSameHashCodeAs(QueueSpec.named("orders").withDeadLetterQueue("orders--dlq", 3))
        .isNotEqualTo(spec.withVisibilityTimeout(Duration.ofSeconds(5)));
    QueueSpec renamed = spec.withName("payments");
    assertThat(renamed.name()).isEqualTo("payments");
    assertThat(renamed.deadLetterQueue()).isEqualTo("orders--dlq");
    assertThat(renamed.maxReceiveCount()).isEqualTo(3);
    assertThat(spec.toString()).startsWith("QueueSpec[name=orders, visibilityTimeout=PT30S");
  }

  @Test
  void a_copy_is_checked_like_the_original() {
    QueueSpec standard = QueueSpec.named("orders").withDeadLetterQueue("orders--dlq", 3);
    assertThatThrownBy(() -> standard.withName("orders.fifo"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "deadLetterQueue must be of the same type as the queue (FIFO or standard), was"
                + " 'orders--dlq' for 'orders.fifo'");
    assertThatThrownBy(() -> QueueSpec.named("orders").withContentBasedDeduplication())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("contentBasedDeduplication applies to FIFO queues only, was set for 'orders'");
    assertThatThrownBy(() -> ConsumerOptions.defaults().withConcurrency(65))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("concurrency must be between 1 and 64, was 65");
    assertThatThrownBy(() -> Receive.upTo(11))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("11");
    assertThatThrownBy(() -> FaultPlan.none().withReordering(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reorderWindow must not be negative, was -1");
  }

  @Test
  void subscriptions_options_requests_and_plans_compare_by_content() {
    Subscription subscription = Subscription.of("t", "q").withRawDelivery();
    assertThat(subscription).isEqualTo(Subscription.of("t", "q").withRawDelivery());
    assertThat(subscription.withTopic("u").withQueue("r"))
        .isEqualTo(Subscription.of("u", "r").withRawDelivery());
    assertThat(ConsumerOptions.defaults().withBatchSize(1))
        .isEqualTo(ConsumerOptions.defaults().withBatchSize(1))
        .isNotEqualTo(ConsumerOptions.defaults());
    assertThat(Receive.one().waitingUpTo(Duration.ofSeconds(2)))
        .isEqualTo(Receive.upTo(1).waitingUpTo(Duration.ofSeconds(2)));
    assertThat(FaultPlan.none().withDuplicates(FaultRate.everyNth(2)))
        .isEqualTo(FaultPlan.none().withDuplicates(FaultRate.everyNth(2)))
        .isNotEqualTo(FaultPlan.none());
  }
}
