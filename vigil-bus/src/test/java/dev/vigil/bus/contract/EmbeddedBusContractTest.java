package dev.vigil.bus.contract;

import dev.vigil.Vigil;
import dev.vigil.bus.Bus;
import dev.vigil.bus.EmbeddedBus;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Nested;

/** The contract suite on the embedded bus, on real time and on virtual time. */
class EmbeddedBusContractTest {

  /** On real time, as the Kafka and SQS backends run. */
  @Nested
  class OnRealTime
      implements MessageBusContract, TopicContract, PeekableBusContract, VisibilityBusContract {
    @AutoClose private final Vigil vigil = Vigil.create();
    @AutoClose private final EmbeddedBus bus = EmbeddedBus.create(vigil);

    @Override
    public Bus bus() {
      return bus;
    }

    @Override
    public Vigil vigil() {
      return vigil;
    }
  }

  /** On virtual time: the same tests, and the visibility timeouts cost no wall time. */
  @Nested
  class OnVirtualTime
      implements MessageBusContract, TopicContract, PeekableBusContract, VisibilityBusContract {
    @AutoClose private final Vigil vigil = Vigil.withVirtualTime();
    @AutoClose private final EmbeddedBus bus = EmbeddedBus.create(vigil);

    @Override
    public Bus bus() {
      return bus;
    }

    @Override
    public Vigil vigil() {
      return vigil;
    }
  }
}
