package dev.vigil.bus;

import dev.vigil.bus.BusSchedules.Advance;
import dev.vigil.bus.BusSchedules.ChangeVisibility;
import dev.vigil.bus.BusSchedules.Consumed;
import dev.vigil.bus.BusSchedules.ConsumedSetup;
import dev.vigil.bus.BusSchedules.Crash;
import dev.vigil.bus.BusSchedules.DeleteReceipt;
import dev.vigil.bus.BusSchedules.Faults;
import dev.vigil.bus.BusSchedules.Outcome;
import dev.vigil.bus.BusSchedules.Publish;
import dev.vigil.bus.BusSchedules.Purge;
import dev.vigil.bus.BusSchedules.QueueSetup;
import dev.vigil.bus.BusSchedules.ReceiveBatch;
import dev.vigil.bus.BusSchedules.Schedule;
import dev.vigil.bus.BusSchedules.SendJob;
import dev.vigil.bus.BusSchedules.SendTask;
import dev.vigil.bus.BusSchedules.SendToFifo;
import dev.vigil.bus.BusSchedules.SendToQueue;
import dev.vigil.bus.BusSchedules.StartConsumer;
import dev.vigil.bus.BusSchedules.Step;
import dev.vigil.bus.BusSchedules.StopConsumer;
import dev.vigil.bus.BusSchedules.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Draws a schedule from a seed: the same seed gives the same schedule, so a failing seed is all it
 * takes to replay a failure. Schedules have 1 to 50 steps; a quarter run without faults.
 */
final class ScheduleGenerator {
  /** Relative weights of the kinds of step, in the order {@link #step} draws them. */
  private static final int[] WEIGHTS = {8, 10, 6, 16, 10, 4, 2, 10, 1, 6, 5, 3, 1};

  private static final int TOTAL_WEIGHT = java.util.Arrays.stream(WEIGHTS).sum();

  private final SplittableRandom random;

  private ScheduleGenerator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** The schedule of {@code seed}. */
  static Schedule schedule(long seed) {
    return new ScheduleGenerator(seed).schedule();
  }

  private Schedule schedule() {
    long busSeed = random.nextLong();
    Faults faults = random.nextInt(4) == 0 ? Faults.NONE : faults();
    QueueSetup orders = setup();
    QueueSetup audit = setup();
    QueueSetup payments = setup();
    ConsumedSetup consumed = consumedSetup();
    List<Outcome> script = new ArrayList<>();
    for (int i = 1 + random.nextInt(4); i > 0; i--) {
      // A handler that throws an Error is left out: see BusConsumerBugTest.
      script.add(random.nextInt(3) == 0 ? Outcome.RETRY : Outcome.ACK);
    }
    List<Step> steps = new ArrayList<>();
    for (int i = 1 + random.nextInt(50); i > 0; i--) {
      steps.add(step());
    }
    return new Schedule(busSeed, faults, orders, audit, payments, consumed, script, steps);
  }

  private Faults faults() {
    int minDelay = random.nextInt(11);
    return new Faults(
        pick(0.0, 0.1, 0.3, 0.6),
        random.nextInt(4),
        minDelay,
        minDelay + random.nextInt(21),
        pick(0.0, 0.1, 0.25));
  }

  private QueueSetup setup() {
    return new QueueSetup(1 + random.nextInt(4), pick(0, 5, 10, 30, 60));
  }

  private ConsumedSetup consumedSetup() {
    return new ConsumedSetup(
        random.nextBoolean() ? 0 : pick(5, 30),
        pick(60, 120, 300, 1_209_600),
        1 + random.nextInt(4),
        1 + random.nextInt(3),
        1 + random.nextInt(4),
        pick(0, 5, 30, 60),
        pick(0.0, 0.0, 0.2));
  }

  private Step step() {
    int draw = random.nextInt(TOTAL_WEIGHT);
    int kind = 0;
    while (draw >= WEIGHTS[kind]) {
      draw -= WEIGHTS[kind++];
    }
    return switch (kind) {
      case 0 -> new SendToQueue(random.nextInt(4) == 0 ? 1 + random.nextInt(30) : 0);
      case 1 -> new SendToFifo(random.nextInt(3), random.nextInt(6));
      case 2 -> new Publish();
      case 3 -> receive();
      case 4 -> new DeleteReceipt(random.nextInt(1001), random.nextInt(5) == 0);
      case 5 -> new ChangeVisibility(random.nextInt(1001), random.nextInt(61));
      case 6 -> new Crash();
      case 7 -> new Advance(advanceSeconds());
      case 8 -> new Purge(target());
      case 9 -> new SendJob(random.nextInt(3) == 0 ? 1 + random.nextInt(20) : 0);
      case 10 -> new SendTask(random.nextInt(3));
      case 11 -> startConsumer();
      default -> new StopConsumer(consumed());
    };
  }

  private ReceiveBatch receive() {
    @Nullable Integer visibility = random.nextInt(5) < 3 ? null : random.nextInt(61);
    int wait = random.nextInt(4) == 0 ? 1 + random.nextInt(20) : 0;
    return new ReceiveBatch(target(), 1 + random.nextInt(10), visibility, wait);
  }

  private StartConsumer startConsumer() {
    @Nullable Integer visibility = random.nextBoolean() ? null : pick(0, 5, 30);
    return new StartConsumer(consumed(), 1 + random.nextInt(3), 1 + random.nextInt(10), visibility);
  }

  private int advanceSeconds() {
    int draw = random.nextInt(8);
    if (draw == 0) {
      return 0;
    }
    // One in eight goes past the deduplication window (300 s is exactly its edge).
    return draw == 1 ? 300 + random.nextInt(31) : 1 + random.nextInt(120);
  }

  private Target target() {
    return Target.values()[random.nextInt(Target.values().length)];
  }

  private Consumed consumed() {
    return Consumed.values()[random.nextInt(Consumed.values().length)];
  }

  @SafeVarargs
  private <T> T pick(T... choices) {
    return choices[random.nextInt(choices.length)];
  }
}
