package dev.vigil.junit5;

import dev.vigil.Vigil;
import dev.vigil.bus.EmbeddedBus;
import dev.vigil.bus.MessageBus;

/**
 * The {@link BusFactory} that {@link VigilTest} uses unless told otherwise: an {@link EmbeddedBus}
 * per context, seeded with the run's seed, on the context's time.
 *
 * @since 0.1
 */
public final class EmbeddedBusFactory implements BusFactory {

  /** Made by the extension. */
  public EmbeddedBusFactory() {}

  @Override
  public MessageBus connect(Vigil vigil, long seed) {
    return EmbeddedBus.create(vigil, seed);
  }
}
