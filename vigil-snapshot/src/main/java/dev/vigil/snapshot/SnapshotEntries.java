package dev.vigil.snapshot;

/**
 * The source and types of the timeline entries that {@link Snapshots} records, so that a test
 * queries them by name.
 *
 * <table>
 *   <caption>Entry types of source {@value #SOURCE}</caption>
 *   <tr><th>method</th><th>type</th><th>recorded when</th><th>attributes</th></tr>
 *   <tr><td>{@link #snapshot}</td><td>{@code snapshot inventory}</td>
 *       <td>a baseline was taken</td><td>{@code rows}</td></tr>
 *   <tr><td>{@link #diff}</td><td>{@code diff inventory}</td>
 *       <td>a diff was computed for the test: {@link Baseline#diffToNow()}, a wait that ended, or
 *       the last diff of a wait that timed out</td>
 *       <td>{@code inserted}, {@code updated}, {@code deleted}</td></tr>
 * </table>
 *
 * <p>A wait's polls do not each record a diff: an entry pulses the signal, which would wake the
 * wait again.
 *
 * @since 0.1
 */
public final class SnapshotEntries {
  /** The source of every entry {@link Snapshots} records. */
  public static final String SOURCE = "snapshot";

  private SnapshotEntries() {}

  /**
   * Returns the type of a snapshot taken.
   *
   * @param name what was snapshotted
   * @return such as {@code snapshot inventory}
   */
  public static String snapshot(String name) {
    return "snapshot " + name;
  }

  /**
   * Returns the type of a diff computed.
   *
   * @param name what was snapshotted
   * @return such as {@code diff inventory}
   */
  public static String diff(String name) {
    return "diff " + name;
  }
}
