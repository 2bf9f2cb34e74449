package dev.vigil.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** The test subscriber and publisher with Reactive Streams, and the package without it. */
class ReactiveStreamsAdaptersTest {
  private final Vigil vigil = Vigil.withVirtualTime();

  @AfterEach
  void close() {
    vigil.close();
  }

  @Test
  void a_test_subscriber_takes_a_reactive_streams_publishers_items_as_it_asks() {
    TestSubscriber<Integer> subscriber = TestSubscriber.create(vigil);
    new RangePublisher(4).subscribe(ReactiveStreamsAdapters.toReactiveStreams(subscriber));

    subscriber.request(2);
    subscriber.assertItems(0, 1).assertNotTerminated();
    subscriber.request(Long.MAX_VALUE);

    assertThat(subscriber.awaitCompletion()).containsExactly(0, 1, 2, 3);
    assertThat(vigil.timeline().byType("request subscriber")).hasSize(2);
  }

  @Test
  void a_reactive_streams_publisher_seen_as_a_flow_publisher_checks_the_same() {
    TestSubscriber<Integer> subscriber = TestSubscriber.create(vigil, 3);

    ReactiveStreamsAdapters.toFlow(new RangePublisher(3)).subscribe(subscriber);

    subscriber.assertItems(0, 1, 2).assertCompleted();
  }

  @Test
  void a_test_publisher_feeds_a_reactive_streams_subscriber_within_its_demand() {
    TestPublisher<String> publisher = TestPublisher.create(vigil);
    List<String> received = new ArrayList<>();
    ReactiveStreamsAdapters.toReactiveStreams(publisher)
        .subscribe(
            new Subscriber<String>() {
              @Override
              public void onSubscribe(Subscription subscription) {
                subscription.request(2);
              }

              @Override
              public void onNext(String item) {
                received.add(item);
              }

              @Override
              public void onError(Throwable throwable) {}

              @Override
              public void onComplete() {}
            });

    publisher.emit("a", "b");

    assertThat(received).containsExactly("a", "b");
    assertThatThrownBy(() -> publisher.emit("c")).isInstanceOf(FlowAssertionError.class);
  }

  @Test
  void the_flow_package_loads_and_runs_without_reactive_streams() throws Exception {
    URL core = TestSubscriber.class.getProtectionDomain().getCodeSource().getLocation();
    URL jspecify = NullMarked.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {core, jspecify}, ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> loader.loadClass("org.reactivestreams.Publisher"))
          .isInstanceOf(ClassNotFoundException.class);
      for (String name : List.of("TestSubscriber", "TestPublisher", "PacedPublisher")) {
        assertThat(loader.loadClass("dev.vigil.flow." + name).getDeclaredMethods()).isNotEmpty();
      }

      Object context =
          loader.loadClass("dev.vigil.Vigil").getMethod("withVirtualTime").invoke(null);
      Object subscriber = call(loader, "TestSubscriber", "create", context, Long.MAX_VALUE);
      Object publisher = call(loader, "TestPublisher", "create", context);
      publisher
          .getClass()
          .getMethod("subscribe", Flow.Subscriber.class)
          .invoke(publisher, subscriber);
      publisher.getClass().getMethod("complete").invoke(publisher);

      assertThat(subscriber.getClass().getMethod("isCompleted").invoke(subscriber)).isEqualTo(true);
      context.getClass().getMethod("close").invoke(context);
      assertThatThrownBy(
              () -> loader.loadClass("dev.vigil.flow.ReactiveStreamsAdapters").getDeclaredMethods())
          .isInstanceOf(NoClassDefFoundError.class);
    }
  }

  private static Object call(ClassLoader loader, String type, String factory, Object... arguments)
      throws ReflectiveOperationException {
    for (Method method : loader.loadClass("dev.vigil.flow." + type).getMethods()) {
      if (method.getName().equals(factory) && method.getParameterCount() == arguments.length) {
        return method.invoke(null, arguments);
      }
    }
    throw new AssertionError("no " + type + "." + factory + " with " + arguments.length + " args");
  }

  /** A Reactive Streams publisher of 0 to count - 1, sent inside each request. */
  private static final class RangePublisher implements Publisher<Integer> {
    private final int count;

    RangePublisher(int count) {
      this.count = count;
    }

    @Override
    public void subscribe(Subscriber<? super Integer> subscriber) {
      subscriber.onSubscribe(
          new Subscription() {
            private int next;
            private boolean done;

            @Override
            public void request(long n) {
              for (long i = 0; i < n && next < count; i++) {
                subscriber.onNext(next++);
              }
              if (next == count && !done) {
                done = true;
                subscriber.onComplete();
              }
            }

            @Override
            public void cancel() {
              done = true;
            }
          });
    }
  }
}
