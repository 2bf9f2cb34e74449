package dev.vigil.sqs;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/** Runs a container test only where a Docker engine answers; elsewhere skips it, saying why. */
final class DockerAvailable implements ExecutionCondition {
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (DockerClientFactory.instance().isDockerAvailable()) {
      return ConditionEvaluationResult.enabled("a Docker engine answers");
    }
    return ConditionEvaluationResult.disabled(
        "no Docker engine found (Testcontainers tried DOCKER_HOST, the socket and its other"
            + " strategies): LocalStack needs one, so this test is skipped; the embedded"
            + " ElasticMQ tests cover the same contract without topics");
  }
}
