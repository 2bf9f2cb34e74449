package dev.vigil.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RealTimeSourceTest {

  @Test
  void closing_the_default_context_leaves_its_scheduler_running_for_everyone_else()
      throws Exception {
    ScheduledExecutorService shared = Vigil.defaultContext().scheduler();
    ScheduledFuture<String> pending = shared.schedule(() -> "pending", 20, TimeUnit.MILLISECONDS);

    Vigil.defaultContext().close();

    ScheduledFuture<String> later =
        Vigil.defaultContext().scheduler().schedule(() -> "later", 1, TimeUnit.MILLISECONDS);
    assertThat(later.get(5, TimeUnit.SECONDS)).isEqualTo("later");
    assertThat(pending.get(5, TimeUnit.SECONDS)).isEqualTo("pending");
    assertThat(shared.isShutdown()).isFalse();
  }

  @Test
  void closing_a_context_of_ones_own_stops_its_scheduler() {
    Vigil vigil = Vigil.create();
    ScheduledExecutorService scheduler = vigil.scheduler();

    vigil.close();

    assertThat(scheduler.isShutdown()).isTrue();
    assertThatThrownBy(() -> scheduler.schedule(() -> "late", 1, TimeUnit.MILLISECONDS))
        .isInstanceOf(RejectedExecutionException.class);
  }
}
