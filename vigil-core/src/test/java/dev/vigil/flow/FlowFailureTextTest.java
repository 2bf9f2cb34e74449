package dev.vigil.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import java.io.IOException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The exact texts of the test subscriber's and test publisher's failures. */
class FlowFailureTextTest {
  private static final String NL = System.lineSeparator();
  private final Vigil vigil = Vigil.withVirtualTime();
  private final TestPublisher<Integer> publisher = TestPublisher.create(vigil);
  private final TestSubscriber<Integer> subscriber =
      TestSubscriber.builder(vigil).name("numbers").build();

  @AfterEach
  void close() {
    vigil.close();
  }

  @Test
  void violations_are_listed_under_the_subscribers_state() {
    TestPublisher<Integer> rogue = TestPublisher.misbehaving(vigil);
    rogue.subscribe(subscriber);
    subscriber.request(3);
    rogue.emit(1, 2, 3, 4).complete().emit(5);

    assertThatThrownBy(subscriber::assertCompleted)
        .isInstanceOf(FlowAssertionError.class)
        .hasMessage(
            "Expecting subscriber \"numbers\":"
                + NL
                + "  received [1, 2, 3, 4, 5] of 3 requested; completed"
                + NL
                + "to have seen the Flow protocol followed,"
                + NL
                + "but it saw 2 violations:"
                + NL
                + "  - onNext of item at index 3 (4) exceeded demand: outstanding demand was 0"
                + " (3 requested in total)"
                + NL
                + "  - onNext of item at index 4 (5) after onComplete");
  }

  @Test
  void different_items_name_the_first_index_that_differs() {
    deliver(1, 2, 3);

    assertThatThrownBy(() -> subscriber.assertItems(1, 2, 4))
        .hasMessage(
            "Expecting the items received by subscriber \"numbers\":"
                + NL
                + "  [1, 2, 3]"
                + NL
                + "to be exactly:"
                + NL
                + "  [1, 2, 4]"
                + NL
                + "but index 2 was 3 where 4 was expected.");
  }

  @Test
  void missing_and_extra_items_are_listed() {
    deliver(1, 2);

    assertThatThrownBy(() -> subscriber.assertItems(1, 2, 3, 4))
        .hasMessageEndingWith("but it lacks the items from index 2 on: [3, 4].");
    assertThatThrownBy(() -> subscriber.assertItems(1))
        .hasMessageEndingWith("but it also received, from index 1 on: [2].");
  }

  @Test
  void a_subscriber_that_did_not_complete_says_where_it_stands() {
    publisher.subscribe(subscriber);
    subscriber.request(2);
    publisher.emit(7);

    assertThatThrownBy(subscriber::assertCompleted)
        .hasMessage(
            "Expecting subscriber \"numbers\":"
                + NL
                + "  received [7] of 2 requested; not terminated"
                + NL
                + "to have completed,"
                + NL
                + "but it has not terminated.");
  }

  @Test
  void a_subscriber_that_failed_shows_its_error() {
    publisher.subscribe(subscriber);
    publisher.error(new IllegalStateException("broken"));

    assertThatThrownBy(subscriber::assertCompleted)
        .hasMessage(
            "Expecting subscriber \"numbers\":"
                + NL
                + "  received [] of 0 requested; failed with java.lang.IllegalStateException:"
                + " broken"
                + NL
                + "to have completed,"
                + NL
                + "but it failed with:"
                + NL
                + "  java.lang.IllegalStateException: broken");
    assertThatThrownBy(() -> subscriber.assertError(IOException.class))
        .hasMessageEndingWith(
            "to have failed with an instance of:"
                + NL
                + "  java.io.IOException"
                + NL
                + "but it failed with:"
                + NL
                + "  java.lang.IllegalStateException: broken");
    assertThatThrownBy(subscriber::assertNotTerminated)
        .hasMessageEndingWith(
            "not to have terminated,"
                + NL
                + "but it failed with:"
                + NL
                + "  java.lang.IllegalStateException: broken");
  }

  @Test
  void an_expected_error_that_did_not_come_says_what_came_instead() {
    TestSubscriber<Integer> plain = TestSubscriber.create(vigil, Long.MAX_VALUE);
    publisher.subscribe(plain);
    publisher.complete();

    assertThatThrownBy(() -> plain.assertError(IOException.class))
        .hasMessage(
            "Expecting subscriber:"
                + NL
                + "  received [] of unbounded requested; completed"
                + NL
                + "to have failed with an instance of:"
                + NL
                + "  java.io.IOException"
                + NL
                + "but it completed.");
    assertThatThrownBy(plain::assertNotTerminated).hasMessageEndingWith("but it completed.");
  }

  @Test
  void a_compliant_publisher_names_the_subscriber_without_demand() {
    publisher.subscribe(subscriber);
    subscriber.request(1);
    publisher.emit(1);

    assertThatThrownBy(() -> publisher.emit(2))
        .hasMessage(
            "Expecting publisher:"
                + NL
                + "  emitted [1] to 1 subscriber; not terminated"
                + NL
                + "to emit 2 within demand,"
                + NL
                + "but subscriber 1 has no outstanding demand (1 requested, 1 delivered)"
                + NL
                + "(wait for demand, or use TestPublisher.misbehaving(vigil) to test the"
                + " subscriber's defences)");
  }

  @Test
  void a_compliant_publisher_refuses_to_emit_to_nobody_or_after_the_end() {
    TestPublisher<String> named = TestPublisher.create(vigil, "words");
    assertThatThrownBy(() -> named.emit("a"))
        .hasMessage(
            "Expecting publisher \"words\":"
                + NL
                + "  emitted [] to 0 subscribers; not terminated"
                + NL
                + "to emit \"a\" within demand,"
                + NL
                + "but nobody has subscribed yet.");

    named.error(new IOException("x"));
    assertThatThrownBy(() -> named.emit("b"))
        .hasMessage(
            "Expecting publisher \"words\":"
                + NL
                + "  emitted [] to 0 subscribers; terminated by error(java.io.IOException: x)"
                + NL
                + "to send nothing after its terminal signal,"
                + NL
                + "but emit(\"b\") was called after it"
                + NL
                + "(use TestPublisher.misbehaving(vigil) to test the subscriber's defences)");
  }

  @Test
  void long_values_and_long_lists_are_cut() {
    assertThat(FlowTexts.show("x".repeat(120))).hasSize(101).endsWith("x…");
    assertThat(FlowTexts.show("two\nlines")).isEqualTo("\"two\\nlines\"");
    List<Integer> many = IntStream.range(0, 25).boxed().toList();
    assertThat(FlowTexts.showList(many))
        .isEqualTo(
            "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, … (5 more)]");
  }

  private void deliver(Integer... items) {
    publisher.subscribe(subscriber);
    subscriber.request(Long.MAX_VALUE);
    publisher.emit(items);
  }
}
