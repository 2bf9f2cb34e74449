package dev.vigil.example.suite;

import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Skips what {@link EmbeddedBusOnly} marks unless the suite runs on the embedded bus. */
final class EmbeddedBusOnlyCondition implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<EmbeddedBusOnly> marked =
        AnnotationSupport.findAnnotation(context.getElement(), EmbeddedBusOnly.class);
    SuiteBus.Backend backend = SuiteBus.selected();
    if (marked.isEmpty() || backend.isEmbedded()) {
      return ConditionEvaluationResult.enabled("runs on " + backend.label());
    }
    return ConditionEvaluationResult.disabled(
        "needs the embedded bus (" + marked.get().value() + "); this run is on " + backend.label());
  }
}
