package dev.vigil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class TrackedResourcesTest {
  @AutoClose private final Vigil vigil = Vigil.create();
  private final List<String> closed = new CopyOnWriteArrayList<>();

  private AutoCloseable resource(String name) {
    return () -> closed.add(name);
  }

  @Test
  void open_resources_are_listed_in_the_order_opened_with_the_test_that_opened_them() {
    AutoCloseable first = resource("first");
    AutoCloseable second = resource("second");

    vigil.track(first, "first resource");
    vigil.track(second, "second resource");

    assertThat(vigil.openResources())
        .extracting(OpenResource::description)
        .containsExactly("first resource", "second resource");
    assertThat(vigil.openResources().get(0).resource()).isSameAs(first);
    assertThat(vigil.openResources().get(0).openedBy())
        .startsWith(
            "dev.vigil.TrackedResourcesTest."
                + "open_resources_are_listed_in_the_order_opened_with_the_test_that_opened_them("
                + "TrackedResourcesTest.java:");
  }

  @Test
  void an_untracked_resource_is_no_longer_listed_and_untracking_twice_is_harmless() {
    AutoCloseable resource = resource("r");
    vigil.track(resource, "r");

    vigil.untrack(resource);
    vigil.untrack(resource);

    assertThat(vigil.openResources()).isEmpty();
  }

  @Test
  void resources_are_told_apart_by_identity_and_a_second_track_keeps_the_first() {
    AutoCloseable resource = new EqualToEverything();
    vigil.track(resource, "first description");
    vigil.track(resource, "second description");
    vigil.track(new EqualToEverything(), "another one");

    assertThat(vigil.openResources())
        .extracting(OpenResource::description)
        .containsExactly("first description", "another one");
  }

  @Test
  void close_closes_what_is_still_open_newest_first_then_nothing_on_a_second_close() {
    vigil.track(resource("first"), "first");
    AutoCloseable closedByTheTest = resource("closed by the test");
    vigil.track(closedByTheTest, "closed by the test");
    vigil.track(resource("last"), "last");
    vigil.untrack(closedByTheTest);

    vigil.close();
    vigil.close();

    assertThat(closed).containsExactly("last", "first");
    assertThat(vigil.openResources()).isEmpty();
  }

  @Test
  void a_resource_that_fails_to_close_does_not_keep_the_others_open() {
    vigil.track(resource("first"), "first");
    vigil.track(throwing(new IllegalStateException("first failure")), "failing one");
    vigil.track(resource("middle"), "middle");
    vigil.track(throwing(new IOException("disk gone")), "disk-backed one");
    vigil.track(resource("last"), "last");

    assertThatThrownBy(vigil::close)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("could not close disk-backed one: java.io.IOException: disk gone")
        .hasCauseInstanceOf(IOException.class)
        .satisfies(
            e ->
                assertThat(e.getSuppressed())
                    .singleElement()
                    .satisfies(s -> assertThat(s).hasMessage("first failure")));
    assertThat(closed).containsExactly("last", "middle", "first");
  }

  @Test
  void an_assertion_error_of_a_closing_resource_is_thrown_as_it_is() {
    AssertionError unexpected = new AssertionError("unexpected request");
    vigil.track(resource("other"), "other");
    vigil.track(throwing(unexpected), "strict server");

    assertThatThrownBy(vigil::close).isSameAs(unexpected);
    assertThat(closed).containsExactly("other");
  }

  @Test
  void the_default_context_keeps_nothing_since_it_never_closes() {
    Vigil shared = Vigil.defaultContext();
    AutoCloseable resource = resource("r");

    shared.track(resource, "r");
    shared.close();

    assertThat(shared.openResources()).isEmpty();
    assertThat(closed).isEmpty();
  }

  @Test
  void a_value_history_is_tracked_until_it_closes() {
    ValueHistory<Integer> history = vigil.history("stock", () -> 1);
    assertThat(vigil.openResources())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.description()).isEqualTo("ValueHistory \"stock\"");
              assertThat(r.resource()).isSameAs(history);
              assertThat(r.openedBy()).startsWith("dev.vigil.TrackedResourcesTest.");
            });

    history.close();
    history.close();

    assertThat(vigil.openResources()).isEmpty();
  }

  @Test
  void closing_the_context_closes_a_value_history_left_open() {
    ValueHistory<Integer> history = vigil.history("stock", () -> 1);

    vigil.close();

    assertThat(vigil.openResources()).isEmpty();
    assertThat(history.toString()).isEqualTo("ValueHistory[stock: [1]]");
  }

  @Test
  void resources_opened_and_closed_from_many_threads_at_once_are_all_accounted_for()
      throws Exception {
    int threads = 4;
    int perThread = 500;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<AutoCloseable>>> kept = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        kept.add(pool.submit(() -> trackMany(go, perThread)));
      }
      go.countDown();
      List<AutoCloseable> open = new ArrayList<>();
      for (Future<List<AutoCloseable>> future : kept) {
        open.addAll(future.get());
      }
      assertThat(vigil.openResources())
          .extracting(OpenResource::resource)
          .containsExactlyInAnyOrderElementsOf(open);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Tracks {@code count} resources, untracks every other one, returns those still open. */
  private List<AutoCloseable> trackMany(CountDownLatch go, int count) throws InterruptedException {
    go.await();
    List<AutoCloseable> open = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      AutoCloseable resource = resource("r" + i);
      vigil.track(resource, "resource " + i);
      if (i % 2 == 0) {
        vigil.untrack(resource);
      } else {
        open.add(resource);
      }
    }
    return open;
  }

  @Test
  void bad_arguments_are_refused_with_their_name() {
    assertThatThrownBy(() -> vigil.track(null, "x"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("resource must not be null");
    assertThatThrownBy(() -> vigil.track(resource("r"), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("description must not be null");
    assertThatThrownBy(() -> vigil.track(resource("r"), " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("description must not be blank, was ' '");
    assertThatThrownBy(() -> vigil.untrack(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("resource must not be null");
  }

  private static AutoCloseable throwing(Exception failure) {
    return () -> {
      throw failure;
    };
  }

  private static AutoCloseable throwing(Error failure) {
    return () -> {
      throw failure;
    };
  }

  /** A resource whose equals would merge every registration, were it asked. */
  private static final class EqualToEverything implements AutoCloseable {
    @Override
    public boolean equals(Object other) {
      return true;
    }

    @Override
    public int hashCode() {
      return 1;
    }

    @Override
    public void close() {}
  }
}
