package dev.vigil.sqs.internal;

/** The timeline entry types only the SQS bus records, beside those of {@code BusEntries}. */
public final class SqsEntryTypes {
  private SqsEntryTypes() {}

  /**
   * Returns the type of a consumer failing to reach the endpoint.
   *
   * @param queue the consumer's queue
   * @return {@code endpoint-failed <queue>}
   */
  public static String endpointFailed(String queue) {
    return "endpoint-failed " + queue;
  }
}
