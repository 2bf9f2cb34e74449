package dev.vigil.sqs;

import dev.vigil.sqs.internal.SqsEntryTypes;
import java.util.Objects;

/**
 * The timeline entry types only an {@link SqsBus} records, under source {@value
 * dev.vigil.bus.BusEntries#SOURCE} with attribute {@code backend=sqs}, beside the common ones of
 * {@link dev.vigil.bus.BusEntries}.
 *
 * <pre>{@code
 * vigil.eventually(() -> !vigil.timeline().byType(SqsEntries.endpointFailed("orders")).isEmpty())
 *     .within(Duration.ofSeconds(5));
 * }</pre>
 *
 * @since 0.1
 */
public final class SqsEntries {
  private SqsEntries() {}

  /**
   * Returns the type of a consumer failing to reach the endpoint (it tries again, backing off up to
   * 2 s); one entry per run of failures, so a stopped endpoint does not flood the timeline.
   *
   * @param queue the consumer's queue
   * @return {@code endpoint-failed <queue>}
   */
  public static String endpointFailed(String queue) {
    return SqsEntryTypes.endpointFailed(Objects.requireNonNull(queue, "queue must not be null"));
  }
}
