package dev.vigil;

/**
 * Hears about every evaluation of a wait's condition, for logging or custom diagnostics.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface EvaluationListener {
  /**
   * Called in the waiting thread after each evaluation.
   *
   * @param evaluation what the evaluation saw
   */
  void onEvaluation(Evaluation evaluation);
}
