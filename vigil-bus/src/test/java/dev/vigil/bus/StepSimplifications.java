package dev.vigil.bus;

import dev.vigil.bus.BusSchedules.Advance;
import dev.vigil.bus.BusSchedules.ChangeVisibility;
import dev.vigil.bus.BusSchedules.Consumed;
import dev.vigil.bus.BusSchedules.DeleteReceipt;
import dev.vigil.bus.BusSchedules.Purge;
import dev.vigil.bus.BusSchedules.ReceiveBatch;
import dev.vigil.bus.BusSchedules.SendJob;
import dev.vigil.bus.BusSchedules.SendTask;
import dev.vigil.bus.BusSchedules.SendToFifo;
import dev.vigil.bus.BusSchedules.SendToQueue;
import dev.vigil.bus.BusSchedules.StartConsumer;
import dev.vigil.bus.BusSchedules.Step;
import dev.vigil.bus.BusSchedules.StopConsumer;
import dev.vigil.bus.BusSchedules.Target;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The simpler versions of one step: each lowers one of its values, never raising another. */
final class StepSimplifications {
  private StepSimplifications() {}

  /**
   * The values below {@code value} worth trying, boldest first: the minimum, half-way, one less.
   */
  static List<Integer> lower(int value, int min) {
    Set<Integer> lower = new LinkedHashSet<>();
    if (value > min) {
      lower.add(min);
      lower.add(min + (value - min) / 2);
      lower.add(value - 1);
    }
    lower.remove(value);
    return new ArrayList<>(lower);
  }

  static List<Step> of(Step step) {
    List<Step> simpler = new ArrayList<>();
    if (step instanceof SendToQueue s) {
      lower(s.delaySeconds(), 0).forEach(d -> simpler.add(new SendToQueue(d)));
    } else if (step instanceof SendToFifo s) {
      lower(s.group(), 0).forEach(g -> simpler.add(new SendToFifo(g, s.deduplicationId())));
      lower(s.deduplicationId(), 0).forEach(d -> simpler.add(new SendToFifo(s.group(), d)));
    } else if (step instanceof ReceiveBatch r) {
      receive(r, simpler);
    } else if (step instanceof DeleteReceipt d) {
      lower(d.pick(), 0).forEach(p -> simpler.add(new DeleteReceipt(p, d.stale())));
      if (d.stale()) {
        simpler.add(new DeleteReceipt(d.pick(), false));
      }
    } else if (step instanceof ChangeVisibility c) {
      lower(c.pick(), 0).forEach(p -> simpler.add(new ChangeVisibility(p, c.seconds())));
      lower(c.seconds(), 0).forEach(s -> simpler.add(new ChangeVisibility(c.pick(), s)));
    } else if (step instanceof Advance a) {
      lower(a.seconds(), 0).forEach(s -> simpler.add(new Advance(s)));
    } else if (step instanceof Purge p) {
      lower(p.target().ordinal(), 0).forEach(t -> simpler.add(new Purge(Target.values()[t])));
    } else if (step instanceof SendJob j) {
      lower(j.delaySeconds(), 0).forEach(d -> simpler.add(new SendJob(d)));
    } else if (step instanceof SendTask t) {
      lower(t.group(), 0).forEach(g -> simpler.add(new SendTask(g)));
    } else if (step instanceof StartConsumer c) {
      startConsumer(c, simpler);
    } else if (step instanceof StopConsumer c) {
      lower(c.target().ordinal(), 0)
          .forEach(t -> simpler.add(new StopConsumer(Consumed.values()[t])));
    }
    return simpler;
  }

  private static void receive(ReceiveBatch r, List<Step> into) {
    lower(r.target().ordinal(), 0)
        .forEach(
            t ->
                into.add(
                    new ReceiveBatch(
                        Target.values()[t], r.max(), r.visibilitySeconds(), r.waitSeconds())));
    lower(r.max(), 1)
        .forEach(
            m -> into.add(new ReceiveBatch(r.target(), m, r.visibilitySeconds(), r.waitSeconds())));
    Integer visibility = r.visibilitySeconds();
    if (visibility != null) {
      into.add(new ReceiveBatch(r.target(), r.max(), null, r.waitSeconds()));
      lower(visibility, 0)
          .forEach(v -> into.add(new ReceiveBatch(r.target(), r.max(), v, r.waitSeconds())));
    }
    lower(r.waitSeconds(), 0)
        .forEach(w -> into.add(new ReceiveBatch(r.target(), r.max(), visibility, w)));
  }

  private static void startConsumer(StartConsumer c, List<Step> into) {
    lower(c.target().ordinal(), 0)
        .forEach(
            t ->
                into.add(
                    new StartConsumer(
                        Consumed.values()[t],
                        c.concurrency(),
                        c.batchSize(),
                        c.visibilitySeconds())));
    lower(c.concurrency(), 1)
        .forEach(
            n -> into.add(new StartConsumer(c.target(), n, c.batchSize(), c.visibilitySeconds())));
    lower(c.batchSize(), 1)
        .forEach(
            b ->
                into.add(new StartConsumer(c.target(), c.concurrency(), b, c.visibilitySeconds())));
    Integer visibility = c.visibilitySeconds();
    if (visibility != null) {
      into.add(new StartConsumer(c.target(), c.concurrency(), c.batchSize(), null));
      lower(visibility, 0)
          .forEach(v -> into.add(new StartConsumer(c.target(), c.concurrency(), c.batchSize(), v)));
    }
  }
}
