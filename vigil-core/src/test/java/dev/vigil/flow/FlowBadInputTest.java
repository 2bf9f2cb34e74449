package dev.vigil.flow;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bad arguments are refused with the parameter's name and the value given. */
class FlowBadInputTest {
  private final Vigil vigil = Vigil.withVirtualTime();
  private final TestSubscriber<Integer> subscriber = TestSubscriber.create(vigil);

  @AfterEach
  void close() {
    vigil.close();
  }

  @Test
  void demand_and_counts_must_be_positive() {
    assertThatThrownBy(() -> subscriber.request(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("n must be positive, was 0");
    assertThatThrownBy(() -> subscriber.request(-5)).hasMessage("n must be positive, was -5");
    assertThatThrownBy(() -> subscriber.awaitItems(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count must be positive, was 0");
    assertThatThrownBy(() -> TestSubscriber.create(vigil, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("initialRequest must be positive, was 0");
  }

  @Test
  void names_ids_and_timeouts_are_checked() {
    TestSubscriberBuilder builder = TestSubscriber.builder(vigil);
    assertThatThrownBy(() -> builder.name(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name must not be blank, was \" \"");
    assertThatThrownBy(() -> builder.name(null)).hasMessage("name must not be blank, was null");
    assertThatThrownBy(() -> builder.correlationId(""))
        .hasMessage("id must not be blank, was \"\"");
    assertThatThrownBy(() -> builder.timeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout must be positive, was PT0S");
    assertThatThrownBy(() -> builder.timeout(Duration.ofSeconds(-1)))
        .hasMessage("timeout must be positive, was PT-1S");
    assertThatThrownBy(() -> TestPublisher.create(vigil, ""))
        .hasMessage("name must not be blank, was \"\"");
    assertThatThrownBy(() -> OfferLog.create(vigil, "\t"))
        .hasMessage("name must not be blank, was \"\t\"");
  }

  @Test
  void nulls_are_refused_by_name() {
    TestPublisher<Integer> publisher = TestPublisher.create(vigil);
    OfferLog<Integer> offers = OfferLog.create(vigil);
    assertThatThrownBy(() -> TestSubscriber.create(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("vigil must not be null");
    assertThatThrownBy(() -> publisher.subscribe(null))
        .hasMessage("subscriber must not be null (rule 1.9)");
    publisher.subscribe(TestSubscriber.create(vigil, 1));
    assertThatThrownBy(() -> publisher.emit((Integer) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("items must not contain null (rule 2.13)");
    assertThatThrownBy(() -> publisher.error(null)).hasMessage("failure must not be null");
    assertThatThrownBy(() -> offers.offered(null)).hasMessage("item must not be null");
    assertThatThrownBy(() -> offers.submit(1, null)).hasMessage("call must not be null");
    assertThatThrownBy(() -> OverflowCheck.of(null)).hasMessage("policy must not be null");
    assertThatThrownBy(() -> ReactiveStreamsAdapters.toFlow(null))
        .hasMessage("publisher must not be null");
  }
}
