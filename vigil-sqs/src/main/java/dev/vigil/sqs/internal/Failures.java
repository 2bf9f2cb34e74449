package dev.vigil.sqs.internal;

import dev.vigil.bus.BusException;
import java.io.IOException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** Turns the SDK's exceptions into {@link BusException}s that name the endpoint and the queue. */
public final class Failures {
  private Failures() {}

  /**
   * Says what failed, where, and why.
   *
   * @param endpoint the endpoint, as failure texts name it
   * @param operation what was tried, such as {@code "send to queue 'orders'"}
   * @param failure the SDK's exception, or an I/O failure its HTTP client let through
   * @return the exception to throw, with {@code failure} as its cause
   */
  public static BusException of(String endpoint, String operation, RuntimeException failure) {
    BusException translated = new BusException(text(endpoint, operation, failure));
    translated.initCause(failure);
    return translated;
  }

  /**
   * Says that a queue does not exist.
   *
   * @param endpoint the endpoint
   * @param queue the queue
   * @return the exception to throw
   */
  public static BusException unknownQueue(String endpoint, String queue) {
    return new BusException(
        "unknown queue '" + queue + "' on SQS endpoint " + endpoint + ": create it first");
  }

  private static String text(String endpoint, String operation, RuntimeException failure) {
    if (failure instanceof QueueDoesNotExistException) {
      return "cannot " + operation + ": the queue does not exist on SQS endpoint " + endpoint;
    }
    if (failure instanceof AwsServiceException service && service.awsErrorDetails() != null) {
      return "cannot "
          + operation
          + ": endpoint "
          + endpoint
          + " answered "
          + service.awsErrorDetails().errorCode()
          + ": "
          + service.awsErrorDetails().errorMessage();
    }
    if ((failure instanceof SdkClientException || failure instanceof UncheckedIOException)
        && rootOf(failure) instanceof IOException) {
      return "cannot "
          + operation
          + ": endpoint "
          + endpoint
          + " is unreachable ("
          + describe(rootOf(failure))
          + ")";
    }
    return "cannot " + operation + " on endpoint " + endpoint + ": " + failure.getMessage();
  }

  private static Throwable rootOf(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  private static String describe(Throwable root) {
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
