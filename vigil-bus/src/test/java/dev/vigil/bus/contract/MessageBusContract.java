package dev.vigil.bus.contract;

/**
 * What every {@link dev.vigil.bus.MessageBus} backend must do, as JUnit 5 default test methods: a
 * backend's test class implements this interface (and {@link TopicContract}, {@link
 * PeekableBusContract}, {@link VisibilityBusContract} where it honours them), gives a fresh or
 * reset bus per test from {@link #bus()}, and the same tests run on it.
 *
 * <pre>{@code
 * class KafkaBusContractTest implements MessageBusContract, TopicContract, PeekableBusContract {
 *   public MessageBus bus() { return bus; }
 *   public Vigil vigil() { return vigil; }
 * }
 * }</pre>
 */
public interface MessageBusContract extends QueueContract, ConsumerContract {}
