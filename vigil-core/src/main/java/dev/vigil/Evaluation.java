package dev.vigil;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What one evaluation of a wait's condition saw, as reported to an {@link EvaluationListener}.
 *
 * @param attempt the number of this evaluation, from 1
 * @param elapsed the time since the wait started, on the context's time source
 * @param value the value the probe returned, or {@code null} when it threw
 * @param failure what the probe threw, or {@code null}
 * @param satisfied whether the condition held on this evaluation
 * @param wokenBySignal whether this evaluation followed a pulse of the signal rather than a poll
 * @since 0.1
 */
public record Evaluation(
    int attempt,
    Duration elapsed,
    @Nullable Object value,
    @Nullable Throwable failure,
    boolean satisfied,
    boolean wokenBySignal) {}
