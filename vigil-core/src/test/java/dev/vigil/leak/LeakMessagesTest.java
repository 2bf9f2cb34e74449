package dev.vigil.leak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.OpenResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact texts of leak reports. */
class LeakMessagesTest {
  private static final String NL = System.lineSeparator();

  private static final ResourceLeak SERVER =
      new ResourceLeak(
          new OpenResource(
              "WebhookServer on http://127.0.0.1:41234", "com.acme.X.y(X.java:12)", () -> {}));

  private static ThreadLeak thread(String name, boolean daemon, List<StackTraceElement> stack) {
    return new ThreadLeak(new Thread(name), name, Thread.State.RUNNABLE, daemon, stack);
  }

  private static StackTraceElement frame(String type, String method, int line) {
    String file = type.substring(type.lastIndexOf('.') + 1) + ".java";
    return new StackTraceElement(type, method, file, line);
  }

  @Test
  void a_report_lists_resources_then_threads_with_the_top_of_their_stacks() {
    ThreadLeak worker =
        thread(
            "worker-1",
            true,
            List.of(frame("com.acme.Poller", "poll", 30), frame("com.acme.Poller", "run", 12)));

    LeakReport report = new LeakReport(List.of(SERVER, worker), Duration.ofSeconds(1));

    assertThatThrownBy(report::assertNone)
        .isInstanceOf(LeakError.class)
        .hasMessage(
            "2 leaks after the test:"
                + NL
                + "  WebhookServer on http://127.0.0.1:41234 opened at com.acme.X.y(X.java:12)"
                + " was not closed"
                + NL
                + "  thread \"worker-1\" (RUNNABLE, daemon) started during the test is still alive"
                + " after 1s:"
                + NL
                + "      at com.acme.Poller.poll(Poller.java:30)"
                + NL
                + "      at com.acme.Poller.run(Poller.java:12)");
  }

  @Test
  void a_long_stack_shows_its_top_eight_frames_and_an_idle_worker_its_hint() {
    List<StackTraceElement> stack = new ArrayList<>();
    stack.add(frame("jdk.internal.misc.Unsafe", "park", -2));
    for (int i = 1; i <= 8; i++) {
      stack.add(frame("com.acme.Layer" + i, "call", i));
    }
    stack.add(frame("java.util.concurrent.ThreadPoolExecutor", "getTask", 1070));

    String text =
        new LeakReport(List.of(thread("pool-1-thread-1", false, stack)), Duration.ofMillis(250))
            .toString();

    assertThat(text)
        .isEqualTo(
            "1 leak after the test:"
                + NL
                + "  thread \"pool-1-thread-1\" (RUNNABLE) started during the test is still alive"
                + " after 250ms:"
                + NL
                + "    idle worker of an executor that was not shut down"
                + NL
                + "      at jdk.internal.misc.Unsafe.park(Native Method)"
                + NL
                + "      at com.acme.Layer1.call(Layer1.java:1)"
                + NL
                + "      at com.acme.Layer2.call(Layer2.java:2)"
                + NL
                + "      at com.acme.Layer3.call(Layer3.java:3)"
                + NL
                + "      at com.acme.Layer4.call(Layer4.java:4)"
                + NL
                + "      at com.acme.Layer5.call(Layer5.java:5)"
                + NL
                + "      at com.acme.Layer6.call(Layer6.java:6)"
                + NL
                + "      at com.acme.Layer7.call(Layer7.java:7)"
                + NL
                + "      ... 2 more");
  }

  @Test
  void without_a_linger_the_wait_is_not_mentioned_and_a_timer_gets_its_hint() {
    ThreadLeak timer =
        thread("Timer-0", false, List.of(frame("java.util.TimerThread", "mainLoop", 553)));

    assertThat(new LeakReport(List.of(timer), Duration.ZERO).toString())
        .isEqualTo(
            "1 leak after the test:"
                + NL
                + "  thread \"Timer-0\" (RUNNABLE) started during the test is still alive:"
                + NL
                + "    thread of a java.util.Timer that was not cancelled"
                + NL
                + "      at java.util.TimerThread.mainLoop(TimerThread.java:553)");
  }

  @Test
  void an_empty_report_says_so_and_passes() {
    LeakReport report = new LeakReport(List.of(), Duration.ofSeconds(1));

    report.assertNone();
    assertThat(report).hasToString("no leaks after the test");
    assertThat(report.isEmpty()).isTrue();
  }

  @Test
  void each_leak_reads_alone_as_in_the_report() {
    assertThat(SERVER)
        .hasToString(
            "WebhookServer on http://127.0.0.1:41234 opened at com.acme.X.y(X.java:12)"
                + " was not closed");
    assertThat(thread("w", false, List.of()))
        .hasToString(
            "thread \"w\" (RUNNABLE) started during the test is still alive:"
                + NL
                + "      (no stack available)");
  }
}
