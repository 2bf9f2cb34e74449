package dev.vigil.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import dev.vigil.http.WebhookServer;
import dev.vigil.junit5.fixtures.InjectionFixture;
import dev.vigil.junit5.fixtures.Observed;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.Events;

class InjectionTest {

  @Test
  void fills_fields_and_parameters_from_one_context_per_test() {
    Events events = Fixtures.run(InjectionFixture.class);

    events.assertStatistics(stats -> stats.started(2).succeeded(2).failed(0));
    assertThat(Observed.get("first.vigil")).isNotSameAs(Observed.get("second.vigil"));
  }

  @Test
  void closes_what_it_made_after_the_test() {
    Fixtures.run(InjectionFixture.class);

    WebhookServer server = (WebhookServer) Observed.get("first.server");
    assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), server.port()).close())
        .isInstanceOf(ConnectException.class);
    Vigil vigil = (Vigil) Observed.get("first.vigil");
    assertThatThrownBy(() -> vigil.scheduler().execute(() -> {}))
        .isInstanceOf(RejectedExecutionException.class);
  }
}
