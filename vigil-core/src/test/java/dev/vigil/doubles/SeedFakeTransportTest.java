package dev.vigil.doubles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.Vigil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Seed 004 "Mocking Transports and Protocols", in Java: the seed's {@code MockTransport} becomes an
 * end of a {@link FakeTransport} pair, which records what the protocol wrote and hands it to the
 * other end.
 */
class SeedFakeTransportTest {

  /** The seed's {@code MyProtocol}: answers {@code HELLO} with {@code WORLD}. */
  static final class HelloProtocol {
    private @Nullable TransportEnd transport;

    void connectionMade(TransportEnd newTransport) {
      this.transport = newTransport;
    }

    void dataReceived(byte[] data) {
      if (transport != null && Arrays.equals(data, bytes("HELLO\n"))) {
        try {
          transport.writeText("WORLD\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void protocol_handling() {
    try (Vigil vigil = Vigil.withVirtualTime();
        FakeTransport transport = FakeTransport.pair(vigil)) {
      HelloProtocol protocol = new HelloProtocol();
      protocol.connectionMade(transport.server());

      protocol.dataReceived(bytes("HELLO\n"));

      assertThat(transport.server().written()).isEqualTo(bytes("WORLD\n"));
      assertThat(transport.client().awaitLine(Duration.ofSeconds(1))).isEqualTo("WORLD");
      assertThat(transport.server().isClosed()).isFalse();
      assertThat(vigil.timeline().renderTail(1)).contains("server wrote 6 bytes \"WORLD\\n\"");
    }
  }
}
