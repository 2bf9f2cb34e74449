package dev.vigil;

import dev.vigil.internal.Durations;
import dev.vigil.time.PendingTask;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Cancelling a scenario explored by {@link CancellationExplorer} at some step left something
 * behind: an invariant that does not hold, a task still scheduled, a fiber still live or a resource
 * still open. The message names the step and what leaked.
 *
 * @since 0.1
 */
public final class CancellationLeakError extends AssertionError {
  private static final long serialVersionUID = 1L;

  /** The step after which cancelling leaked; -1 for the run without cancelling. */
  private final int step;

  /** What was left behind, one line each. */
  private final List<String> leaks;

  CancellationLeakError(
      int step,
      int steps,
      @Nullable PendingTask lastStep,
      List<String> leaks,
      String timelineTail) {
    super(message(step, steps, lastStep, leaks, timelineTail));
    this.step = step;
    this.leaks = List.copyOf(leaks);
  }

  private static String message(
      int step, int steps, @Nullable PendingTask lastStep, List<String> leaks, String tail) {
    String nl = System.lineSeparator();
    StringBuilder text = new StringBuilder();
    if (step < 0) {
      text.append("Even without cancelling, the scenario's ")
          .append(steps)
          .append(" steps leave something behind:");
    } else {
      text.append("Cancelling after step ")
          .append(step)
          .append(" of ")
          .append(steps)
          .append(" leaves something behind:");
    }
    leaks.forEach(leak -> text.append(nl).append("  ").append(leak));
    if (step == 0) {
      text.append(nl).append("Step 0 is before any task ran.");
    } else if (step > 0 && lastStep != null) {
      text.append(nl)
          .append("Step ")
          .append(step)
          .append(" ran '")
          .append(lastStep.name())
          .append("' at +")
          .append(
              Durations.format(
                  java.time.Duration.between(
                      dev.vigil.time.VirtualTimeSource.DEFAULT_ORIGIN, lastStep.due())))
          .append(
              step == 1 ? "; cancelling before it" : "; cancelling after steps 0 to " + (step - 1))
          .append(" left nothing behind.");
    }
    if (!tail.isEmpty()) {
      text.append(nl).append(tail);
    }
    return text.toString();
  }

  /**
   * Returns the step after which cancelling leaked: 0 is before any task ran; -1 means the run
   * without cancelling leaked.
   *
   * @return the step
   */
  public int step() {
    return step;
  }

  /**
   * Returns what was left behind, one line each.
   *
   * @return the leaks
   */
  public List<String> leaks() {
    return leaks;
  }
}
