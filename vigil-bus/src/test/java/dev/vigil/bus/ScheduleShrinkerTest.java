package dev.vigil.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.bus.BusSchedules.Advance;
import dev.vigil.bus.BusSchedules.ConsumedSetup;
import dev.vigil.bus.BusSchedules.Faults;
import dev.vigil.bus.BusSchedules.Outcome;
import dev.vigil.bus.BusSchedules.QueueSetup;
import dev.vigil.bus.BusSchedules.ReceiveBatch;
import dev.vigil.bus.BusSchedules.Schedule;
import dev.vigil.bus.BusSchedules.SendToFifo;
import dev.vigil.bus.BusSchedules.SendToQueue;
import dev.vigil.bus.BusSchedules.Step;
import dev.vigil.bus.BusSchedules.Target;
import dev.vigil.bus.ScheduleShrinker.ScheduleCheck;
import dev.vigil.bus.ScheduleShrinker.Shrunk;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleShrinkerTest {
  private static final QueueSetup SIMPLEST_QUEUE = new QueueSetup(1, 0);

  /** Planted: a send delayed 3 s or more, followed later by an advance of 10 s or more. */
  private static final ScheduleCheck DELAYED_SEND_THEN_LONG_ADVANCE =
      schedule -> {
        boolean delayedSend = false;
        for (Step step : schedule.steps()) {
          delayedSend |= step instanceof SendToQueue send && send.delaySeconds() >= 3;
          if (delayedSend && step instanceof Advance advance && advance.seconds() >= 10) {
            throw new InvariantViolation("planted", "delayed send, then a long advance");
          }
        }
      };

  /** Planted in a real run: nothing is ever dead-lettered from the FIFO queue. */
  private static final ScheduleCheck NO_FIFO_DEAD_LETTER =
      schedule -> {
        try (BusScheduleRun run = new BusScheduleRun(schedule)) {
          run.play();
          if (!run.vigil().timeline().byType("dead-letter payments.fifo").isEmpty()) {
            throw new InvariantViolation("planted", "a FIFO message was dead-lettered");
          }
        }
      };

  @Test
  void shrinks_a_planted_violation_to_its_two_steps_and_the_simplest_setup() {
    Shrunk shrunk = shrinkFirstFailure(DELAYED_SEND_THEN_LONG_ADVANCE);

    assertThat(shrunk.schedule())
        .isEqualTo(
            new Schedule(
                0,
                Faults.NONE,
                SIMPLEST_QUEUE,
                SIMPLEST_QUEUE,
                SIMPLEST_QUEUE,
                new ConsumedSetup(0, 1_209_600, 1, 1, 1, 0, 0),
                List.of(Outcome.ACK),
                List.of(new SendToQueue(3), new Advance(10))));
    assertThat(InvariantViolation.kindOf(shrunk.failure())).isEqualTo("planted");
  }

  @Test
  void shrinks_a_planted_violation_of_a_real_run_to_one_send_and_one_receive() {
    Shrunk shrunk = shrinkFirstFailure(NO_FIFO_DEAD_LETTER);

    // Received once with a zero visibility timeout, the drain's receive dead-letters it.
    assertThat(shrunk.schedule().steps())
        .containsExactly(new SendToFifo(0, 0), new ReceiveBatch(Target.PAYMENTS, 1, null, 0));
    assertThat(shrunk.schedule().payments()).isEqualTo(SIMPLEST_QUEUE);
    assertThat(shrunk.schedule().faults()).isEqualTo(Faults.NONE);
  }

  @Test
  void the_loop_reports_the_seed_the_rerun_command_and_the_smallest_schedule() {
    ScheduleLoop loop =
        new ScheduleLoop(ScheduleGenerator::schedule, DELAYED_SEND_THEN_LONG_ADVANCE, 1_000);

    assertThatThrownBy(() -> loop.run(1, 10_000))
        .hasMessageContaining("broke planted")
        .hasMessageContaining(ScheduleLoop.RERUN)
        .hasMessageContaining("0. SendToQueue[delaySeconds=3]")
        .hasMessageContaining("1. Advance[seconds=10]");
  }

  @Test
  void the_same_seed_gives_the_same_schedule() {
    assertThat(ScheduleGenerator.schedule(42)).isEqualTo(ScheduleGenerator.schedule(42));
    assertThat(ScheduleGenerator.schedule(42)).isNotEqualTo(ScheduleGenerator.schedule(43));
  }

  private static Shrunk shrinkFirstFailure(ScheduleCheck check) {
    ScheduleShrinker shrinker = new ScheduleShrinker(check, 5_000);
    for (long seed = 1; seed < 10_000; seed++) {
      Schedule schedule = ScheduleGenerator.schedule(seed);
      var failure = shrinker.run(schedule);
      if (failure.isPresent()) {
        return shrinker.shrink(schedule, failure.get());
      }
    }
    throw new AssertionError("no schedule of seeds 1 to 9,999 breaks the planted check");
  }
}
