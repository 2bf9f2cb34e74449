package dev.vigil.bus.contract;

import dev.vigil.Vigil;
import dev.vigil.bus.Bus;
import dev.vigil.bus.EmbeddedBus;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Nested;

/** The contract suite on the embedded bus, on real time and on virtual time. */
class EmbeddedBusContractTest {

  /** The whole contract on an embedded bus over the context a subclass chooses. */
  abstract static class OnEmbeddedBus
      implements MessageBusContract, TopicContract, PeekableBusContract, VisibilityBusContract {
    @AutoClose private final Vigil vigil;
    @AutoClose private final EmbeddedBus bus;

    OnEmbeddedBus(Vigil vigil) {
      this.vigil = vigil;
      this.bus = EmbeddedBus.create(vigil);
    }

    @Override
    public Bus bus() {
      return bus;
    }

    @Override
    public Vigil vigil() {
      return vigil;
    }
  }

  /** On real time, as the Kafka and SQS backends run. */
  @Nested
  class OnRealTime extends OnEmbeddedBus {
    OnRealTime() {
      super(Vigil.create());
    }
  }

  /** On virtual time: the same tests, and the visibility timeouts cost no wall time. */
  @Nested
  class OnVirtualTime extends OnEmbeddedBus {
    OnVirtualTime() {
      super(Vigil.withVirtualTime());
    }
  }
}
