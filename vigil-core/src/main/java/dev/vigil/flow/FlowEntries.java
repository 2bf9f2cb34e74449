package dev.vigil.flow;

/**
 * The source and types of the timeline entries recorded by this package, so that a test queries and
 * waits on them by name. Every type reads {@code <what> <name>}, where {@code <name>} is the name
 * of the subscriber, publisher or offer log that recorded it.
 *
 * <table>
 *   <caption>Entry types of source {@value #SOURCE}</caption>
 *   <tr><th>recorded by</th><th>types</th><th>summary and attributes</th></tr>
 *   <tr><td>{@link TestSubscriber}</td>
 *       <td>{@code onSubscribe}, {@code request}, {@code onNext}, {@code onError},
 *           {@code onComplete}, {@code cancel}, {@code violation}</td>
 *       <td>the item or error; {@code n}, {@code index}, {@code outstanding}</td></tr>
 *   <tr><td>{@link TestPublisher}, {@link PacedPublisher}</td>
 *       <td>{@code subscribed}, {@code requested}, {@code emit}, {@code complete},
 *           {@code error}, {@code cancelled}</td>
 *       <td>the item or error; {@code n}, {@code subscriber}</td></tr>
 *   <tr><td>{@link OfferLog}</td><td>{@code offer}, {@code refused}, {@code blocked}</td>
 *       <td>the item; {@code index}</td></tr>
 * </table>
 *
 * <pre>{@code
 * assertThat(vigil.timeline().byType(FlowEntries.type("onNext", "orders"))).hasSize(3);
 * }</pre>
 *
 * @since 0.1
 */
public final class FlowEntries {

  /** The source of every entry this package records. */
  public static final String SOURCE = "flow";

  private FlowEntries() {}

  /**
   * Returns the entry type for a signal or event of a named participant.
   *
   * @param what the signal or event, such as {@code onNext} or {@code emit}
   * @param name the subscriber's, publisher's or offer log's name
   * @return {@code what + " " + name}
   */
  public static String type(String what, String name) {
    return what + " " + name;
  }
}
