package dev.vigil.bus;

import dev.vigil.bus.BusSchedules.ConsumedSetup;
import dev.vigil.bus.BusSchedules.Faults;
import dev.vigil.bus.BusSchedules.Outcome;
import dev.vigil.bus.BusSchedules.QueueSetup;
import dev.vigil.bus.BusSchedules.Schedule;
import dev.vigil.bus.BusSchedules.Step;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The schedules one simplification away from a given one, boldest first: fewer steps (halves, then
 * quarters, down to single steps), simpler steps, no faults, simpler queues, a shorter handler
 * script, seed 0. Each moves a value toward its minimum and never back, which is why shrinking
 * ends.
 */
final class ScheduleSimplifications {
  private static final int LONGEST_RETENTION = 1_209_600;

  private ScheduleSimplifications() {}

  static List<Schedule> of(Schedule schedule) {
    Set<Schedule> candidates = new LinkedHashSet<>();
    fewerSteps(schedule, candidates);
    simplerSteps(schedule, candidates);
    simplerSetup(schedule, candidates);
    shorterScript(schedule, candidates);
    if (schedule.seed() != 0) {
      candidates.add(withSeed(schedule, 0));
    }
    candidates.remove(schedule);
    return new ArrayList<>(candidates);
  }

  private static void fewerSteps(Schedule schedule, Set<Schedule> into) {
    List<Step> steps = schedule.steps();
    for (int chunk = Math.max(1, steps.size() / 2); chunk >= 1; chunk /= 2) {
      for (int start = 0; start < steps.size(); start += chunk) {
        List<Step> fewer = new ArrayList<>(steps.subList(0, start));
        fewer.addAll(steps.subList(Math.min(steps.size(), start + chunk), steps.size()));
        into.add(schedule.withSteps(fewer));
      }
      if (chunk == 1) {
        break;
      }
    }
  }

  private static void simplerSteps(Schedule schedule, Set<Schedule> into) {
    List<Step> steps = schedule.steps();
    for (int i = 0; i < steps.size(); i++) {
      for (Step simpler : StepSimplifications.of(steps.get(i))) {
        List<Step> changed = new ArrayList<>(steps);
        changed.set(i, simpler);
        into.add(schedule.withSteps(changed));
      }
    }
  }

  private static void simplerSetup(Schedule s, Set<Schedule> into) {
    if (!s.faults().equals(Faults.NONE)) {
      into.add(with(s, Faults.NONE, s.orders(), s.audit(), s.payments(), s.consumed()));
      for (Faults faults : simpler(s.faults())) {
        into.add(with(s, faults, s.orders(), s.audit(), s.payments(), s.consumed()));
      }
    }
    for (QueueSetup setup : simpler(s.orders())) {
      into.add(with(s, s.faults(), setup, s.audit(), s.payments(), s.consumed()));
    }
    for (QueueSetup setup : simpler(s.audit())) {
      into.add(with(s, s.faults(), s.orders(), setup, s.payments(), s.consumed()));
    }
    for (QueueSetup setup : simpler(s.payments())) {
      into.add(with(s, s.faults(), s.orders(), s.audit(), setup, s.consumed()));
    }
    for (ConsumedSetup setup : simpler(s.consumed())) {
      into.add(with(s, s.faults(), s.orders(), s.audit(), s.payments(), setup));
    }
  }

  private static List<Faults> simpler(Faults f) {
    List<Faults> simpler = new ArrayList<>();
    if (f.duplicates() > 0) {
      simpler.add(
          new Faults(
              0, f.reorderWindow(), f.minDelaySeconds(), f.maxDelaySeconds(), f.publishFailures()));
    }
    for (int window : StepSimplifications.lower(f.reorderWindow(), 0)) {
      simpler.add(
          new Faults(
              f.duplicates(),
              window,
              f.minDelaySeconds(),
              f.maxDelaySeconds(),
              f.publishFailures()));
    }
    if (f.maxDelaySeconds() > 0) {
      simpler.add(new Faults(f.duplicates(), f.reorderWindow(), 0, 0, f.publishFailures()));
    }
    for (int min : StepSimplifications.lower(f.minDelaySeconds(), 0)) {
      simpler.add(
          new Faults(
              f.duplicates(), f.reorderWindow(), min, f.maxDelaySeconds(), f.publishFailures()));
    }
    for (int max : StepSimplifications.lower(f.maxDelaySeconds(), f.minDelaySeconds())) {
      simpler.add(
          new Faults(
              f.duplicates(), f.reorderWindow(), f.minDelaySeconds(), max, f.publishFailures()));
    }
    if (f.publishFailures() > 0) {
      simpler.add(
          new Faults(
              f.duplicates(), f.reorderWindow(), f.minDelaySeconds(), f.maxDelaySeconds(), 0));
    }
    return simpler;
  }

  private static List<QueueSetup> simpler(QueueSetup setup) {
    List<QueueSetup> simpler = new ArrayList<>();
    for (int count : StepSimplifications.lower(setup.maxReceiveCount(), 1)) {
      simpler.add(new QueueSetup(count, setup.visibilitySeconds()));
    }
    for (int seconds : StepSimplifications.lower(setup.visibilitySeconds(), 0)) {
      simpler.add(new QueueSetup(setup.maxReceiveCount(), seconds));
    }
    return simpler;
  }

  private static List<ConsumedSetup> simpler(ConsumedSetup c) {
    List<ConsumedSetup> simpler = new ArrayList<>();
    for (int delay : StepSimplifications.lower(c.jobsDelaySeconds(), 0)) {
      simpler.add(c.withJobsDelaySeconds(delay));
    }
    // The simplest retention is the longest: then nothing expires.
    if (c.retentionSeconds() < LONGEST_RETENTION) {
      simpler.add(c.withRetentionSeconds(LONGEST_RETENTION));
    }
    for (int count : StepSimplifications.lower(c.jobsMaxReceiveCount(), 1)) {
      simpler.add(c.withJobsMaxReceiveCount(count));
    }
    for (int count : StepSimplifications.lower(c.jobsDlqMaxReceiveCount(), 1)) {
      simpler.add(c.withJobsDlqMaxReceiveCount(count));
    }
    for (int count : StepSimplifications.lower(c.tasksMaxReceiveCount(), 1)) {
      simpler.add(c.withTasksMaxReceiveCount(count));
    }
    for (int seconds : StepSimplifications.lower(c.visibilitySeconds(), 0)) {
      simpler.add(c.withVisibilitySeconds(seconds));
    }
    if (c.lostAcks() > 0) {
      simpler.add(c.withLostAcks(0));
    }
    return simpler;
  }

  private static void shorterScript(Schedule s, Set<Schedule> into) {
    List<Outcome> script = s.script();
    for (int i = 0; i < script.size(); i++) {
      if (script.size() > 1) {
        List<Outcome> shorter = new ArrayList<>(script);
        shorter.remove(i);
        into.add(withScript(s, shorter));
      }
      for (int ordinal = 0; ordinal < script.get(i).ordinal(); ordinal++) {
        List<Outcome> milder = new ArrayList<>(script);
        milder.set(i, Outcome.values()[ordinal]);
        into.add(withScript(s, milder));
      }
    }
  }

  private static Schedule with(
      Schedule s,
      Faults faults,
      QueueSetup orders,
      QueueSetup audit,
      QueueSetup payments,
      ConsumedSetup consumed) {
    return new Schedule(s.seed(), faults, orders, audit, payments, consumed, s.script(), s.steps());
  }

  private static Schedule withScript(Schedule s, List<Outcome> script) {
    return new Schedule(
        s.seed(), s.faults(), s.orders(), s.audit(), s.payments(), s.consumed(), script, s.steps());
  }

  private static Schedule withSeed(Schedule s, long seed) {
    return new Schedule(
        seed, s.faults(), s.orders(), s.audit(), s.payments(), s.consumed(), s.script(), s.steps());
  }
}
