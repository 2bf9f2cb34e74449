package dev.vigil.doubles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import dev.vigil.WaitFailedError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeTransportTest {
  private final Vigil vigil = Vigil.withVirtualTime();
  private final FakeTransport transport = FakeTransport.pair(vigil);
  private final TransportEnd client = transport.client();
  private final TransportEnd server = transport.server();

  @AfterEach
  void close() {
    vigil.close();
  }

  @Test
  void what_one_end_writes_the_other_reads() throws IOException {
    client.write(ByteBuffer.wrap(new byte[] {1, 2, 3}));

    ByteBuffer in = ByteBuffer.allocate(10);
    assertThat(server.read(in)).isEqualTo(3);
    assertThat(in.flip()).isEqualTo(ByteBuffer.wrap(new byte[] {1, 2, 3}));
    assertThat(client.written()).containsExactly(1, 2, 3);
  }

  @Test
  void the_streams_read_and_write_the_same_bytes() throws IOException {
    server.outputStream().write("WORLD\n".getBytes(StandardCharsets.UTF_8));

    assertThat(client.inputStream().readNBytes(6)).asString().isEqualTo("WORLD\n");
    assertThat(server.writtenText()).isEqualTo("WORLD\n");
  }

  @Test
  void the_write_buffer_holds_what_the_other_end_has_not_read() throws IOException {
    client.writeText("HELLO\n");
    assertThat(client.writeBufferSize()).isEqualTo(6);
    assertThat(server.available()).isEqualTo(6);

    server.read(ByteBuffer.allocate(4));

    assertThat(client.writeBufferSize()).isEqualTo(2);
    assertThat(client.written()).hasSize(6); // what was written stays recorded
  }

  @Test
  void await_line_and_await_bytes_read_what_arrived() throws IOException {
    client.writeText("HELLO\r\nBYE\n");
    server.writeText("abcdef");

    assertThat(server.awaitLine(Duration.ofSeconds(1))).isEqualTo("HELLO");
    assertThat(server.awaitLine(Duration.ofSeconds(1))).isEqualTo("BYE");
    assertThat(client.awaitBytes(4, Duration.ofSeconds(1))).asString().isEqualTo("abcd");
    assertThat(client.available()).isEqualTo(2);
  }

  @Test
  void a_half_close_ends_the_other_ends_stream_after_what_was_sent() throws IOException {
    client.writeText("last");
    client.shutdownOutput();

    assertThat(server.awaitEndOfStream(Duration.ofSeconds(1))).asString().isEqualTo("last");
    assertThat(server.read(ByteBuffer.allocate(4))).isEqualTo(-1);
    assertThat(client.isOutputShutdown()).isTrue();
    server.writeText("still open");
    assertThat(client.awaitBytes(10, Duration.ofSeconds(1))).asString().isEqualTo("still open");
    assertThatThrownBy(() -> client.writeText("more"))
        .isInstanceOf(IOException.class)
        .hasMessage("the client end's output is shut down");
  }

  @Test
  void closing_an_end_ends_the_other_ends_stream_and_refuses_its_writes() throws IOException {
    server.close();

    assertThat(client.inputStream().read()).isEqualTo(-1);
    assertThatThrownBy(() -> client.writeText("x"))
        .isInstanceOf(IOException.class)
        .hasMessage("Broken pipe: the server end is closed");
    assertThatThrownBy(() -> server.read(ByteBuffer.allocate(1)))
        .isInstanceOf(ClosedChannelException.class);
    assertThat(server.isClosed()).isTrue();
    assertThat(server.isOpen()).isFalse();
    assertThat(transport.isClosed()).isFalse();
  }

  @Test
  void waiting_for_a_line_gives_up_once_none_can_arrive() throws IOException {
    client.writeText("no line break");
    client.close();

    assertThatThrownBy(() -> server.awaitLine(Duration.ofSeconds(5)))
        .isInstanceOf(WaitFailedError.class)
        .hasMessageStartingWith(
            "Gave up waiting for a line at the server end after 0ns: nothing more can arrive: the"
                + " client end's output ended or this end closed.")
        .hasMessageContaining("unread: \"no line break\" then end of stream");
  }

  @Test
  void with_a_delivery_delay_bytes_arrive_in_order_after_the_delay_of_virtual_time()
      throws IOException {
    try (Vigil seeded = Vigil.builder().virtualTime().seed(7).build();
        FakeTransport slow = FakeTransport.pair(seeded, Duration.ofMillis(20))) {
      for (int i = 0; i < 20; i++) {
        slow.client().writeText(i + ",");
      }
      slow.client().shutdownOutput();
      seeded.virtualTime().advanceBy(Duration.ofMillis(19));
      assertThat(slow.server().available()).isZero();

      seeded.virtualTime().advanceBy(Duration.ofMillis(1));

      String all = new String(slow.server().inputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(all).isEqualTo("0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,");
    }
  }

  @Test
  void await_line_drives_virtual_time_until_the_delayed_line_arrives() throws IOException {
    try (FakeTransport slow = FakeTransport.pair(vigil, Duration.ofMillis(300))) {
      slow.client().writeText("PING\n");

      assertThat(slow.server().awaitLine(Duration.ofSeconds(1))).isEqualTo("PING");
      assertThat(vigil.virtualTime().pending()).isEmpty();
    }
  }

  @Test
  void every_write_and_close_is_on_the_timeline() throws IOException {
    client.writeText("HELLO\n");
    server.shutdownOutput();
    client.close();

    assertThat(vigil.timeline().entries())
        .extracting(e -> e.source() + ": " + e.type() + " " + e.summary())
        .containsExactly(
            "transport: client wrote 6 bytes \"HELLO\\n\"",
            "transport: server shut its output ",
            "transport: client closed ");
    assertThat(vigil.timeline().entries().get(0).attributes()).containsEntry("bytes", "6");
  }

  @Test
  void the_pair_is_tracked_until_closed_and_closes_with_the_context() {
    assertThat(vigil.openResources())
        .extracting(r -> r.description())
        .containsExactly("FakeTransport client <-> server");

    vigil.close();

    assertThat(transport.isClosed()).isTrue();
    assertThat(vigil.openResources()).isEmpty();
  }

  @Test
  void a_blocked_reader_on_a_real_thread_wakes_when_bytes_arrive_or_the_end_closes()
      throws Exception {
    try (Vigil real = Vigil.create();
        FakeTransport pair = FakeTransport.pair(real)) {
      EchoServer echo = EchoServer.start(pair.server());

      pair.client().writeText("one\n");
      assertThat(pair.client().awaitLine(Duration.ofSeconds(5))).isEqualTo("echo one");
      // Closed before the echo thread is back in read, the read would fail with
      // ClosedChannelException instead (a read on a closed channel, as NIO has it).
      real.eventually(() -> blockedInRead(echo.thread()))
          .describedAs("the echo thread blocked in read again")
          .within(Duration.ofSeconds(5));
      pair.server().close(); // the blocked read ends with AsynchronousCloseException

      real.eventually(() -> !echo.thread().isAlive()).within(Duration.ofSeconds(5));
      assertThat(echo.failure()).isInstanceOf(AsynchronousCloseException.class);
    }
  }

  private static boolean blockedInRead(Thread thread) {
    boolean waiting =
        thread.getState() == Thread.State.WAITING
            || thread.getState() == Thread.State.TIMED_WAITING;
    return waiting
        && Arrays.stream(thread.getStackTrace())
            .anyMatch(
                frame ->
                    frame.getClassName().equals(TransportEnd.class.getName())
                        && frame.getMethodName().equals("read"));
  }

  @Test
  void bad_input_names_the_parameter() {
    assertThatThrownBy(() -> FakeTransport.pair(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("vigil must not be null");
    assertThatThrownBy(() -> FakeTransport.pair(vigil, Duration.ofMillis(-5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("deliveryDelay must not be negative, was PT-0.005S");
    assertThatThrownBy(() -> client.awaitBytes(0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count must be at least 1, was 0");
  }

  /** A line protocol on a real thread that reads through the blocking input stream. */
  static final class EchoServer {
    private final Thread thread;
    private volatile Throwable failure;

    private EchoServer(TransportEnd end) {
      thread = new Thread(() -> serve(end), "echo-server");
    }

    static EchoServer start(TransportEnd end) {
      EchoServer server = new EchoServer(end);
      server.thread.start();
      return server;
    }

    private void serve(TransportEnd end) {
      try (InputStream in = end.inputStream()) {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != -1; b = in.read()) {
          if (b == '\n') {
            end.writeText("echo " + line + "\n");
            line.setLength(0);
          } else {
            line.append((char) b);
          }
        }
      } catch (IOException | RuntimeException e) {
        failure = e;
      }
    }

    Thread thread() {
      return thread;
    }

    Throwable failure() {
      return failure;
    }
  }
}
