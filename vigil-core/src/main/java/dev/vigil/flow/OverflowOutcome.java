package dev.vigil.flow;

import java.util.List;

/**
 * What an {@link OverflowCheck} found consistent with its policy: the items offered, those that
 * arrived and those that did not.
 *
 * @param policy the policy checked
 * @param offered every item the producer offered, in order
 * @param received every item the subscriber received, in order
 * @param dropped the items offered that never arrived, in the order offered
 * @param <T> the type of the items
 * @since 0.1
 */
public record OverflowOutcome<T>(
    OverflowPolicy policy, List<T> offered, List<T> received, List<T> dropped) {

  /**
   * Copies the lists, so that the outcome stays as it was found.
   *
   * @param policy the policy checked
   * @param offered every item offered
   * @param received every item received
   * @param dropped the items that never arrived
   */
  public OverflowOutcome {
    offered = List.copyOf(offered);
    received = List.copyOf(received);
    dropped = List.copyOf(dropped);
  }
}
