package dev.vigil.example.suite;

import dev.vigil.Vigil;
import dev.vigil.bus.EmbeddedBus;
import dev.vigil.bus.MessageBus;
import dev.vigil.junit5.BusFactory;
import dev.vigil.kafka.KafkaBus;
import dev.vigil.kafka.broker.EmbeddedKafkaBroker;
import dev.vigil.sqs.EmbeddedSqs;
import dev.vigil.sqs.SqsBus;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.jspecify.annotations.Nullable;

/**
 * The bus the example suite runs on, chosen with {@code -Dexample.bus=embedded|kafka|sqs}: the
 * embedded bus (the default), a Kafka broker started in the JVM, or ElasticMQ started in the JVM
 * with topics kept by the bus (ElasticMQ has no SNS). Tests name it once and never again:
 *
 * <pre>{@code
 * @VigilTest(bus = SuiteBus.class)
 * class CustomerCreatedTest {
 *   MessageBus bus;          // on the chosen backend, closed after each test
 *   BusTestClient client;
 * }
 * }</pre>
 *
 * <p>Vigil makes one {@code SuiteBus} per run, before the first test class that names it, so the
 * broker starts once and outside every test; it stops when the run ends.
 */
public final class SuiteBus implements BusFactory, AutoCloseable {
  /** The system property that chooses the backend. */
  public static final String PROPERTY = "example.bus";

  /** The backends the suite runs on. */
  public enum Backend {
    /** Vigil's embedded SNS/SQS bus: virtual time, fault injection, no broker to start. */
    EMBEDDED,
    /** A KRaft broker in the JVM ({@code EmbeddedKafkaBroker}), through {@code KafkaBus}. */
    KAFKA,
    /** ElasticMQ in the JVM ({@code EmbeddedSqs}), through {@code SqsBus}. */
    SQS;

    /**
     * Tells whether this is the embedded bus, the only one with virtual time and fault injection.
     *
     * @return {@code true} for {@link #EMBEDDED}
     */
    public boolean isEmbedded() {
      return this == EMBEDDED;
    }

    /**
     * Names the backend as the summary and skip reasons show it.
     *
     * @return such as {@code "embedded bus"}
     */
    public String label() {
      return switch (this) {
        case EMBEDDED -> "the embedded bus";
        case KAFKA -> "Kafka (a KRaft broker in the JVM)";
        case SQS -> "SQS (ElasticMQ in the JVM)";
      };
    }
  }

  private static volatile Duration brokerStart = Duration.ZERO;

  private final Backend backend = selected();

  /** The broker's threads: its pools grow while tests run, and those threads are not the tests'. */
  private final ThreadGroup brokerThreads = new ThreadGroup("example-broker");

  private final Brokers brokers;

  /** Made by Vigil's extension, once per run; starts the chosen broker. */
  public SuiteBus() {
    this.brokers = startInOwnThreadGroup();
    brokerStart = brokers.startTime();
  }

  /** Started from a thread of {@link #brokerThreads}, every thread the broker makes joins it. */
  private Brokers startInOwnThreadGroup() {
    FutureTask<Brokers> start = new FutureTask<>(() -> Brokers.start(backend));
    Thread starter = new Thread(brokerThreads, start, "example-broker-start");
    starter.start();
    try {
      return start.get();
    } catch (ExecutionException failed) {
      throw new IllegalStateException(
          "the " + backend.label() + " did not start", failed.getCause());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the broker started", interrupted);
    }
  }

  @Override
  public boolean ownsThread(Thread thread) {
    return thread.getThreadGroup() == brokerThreads;
  }

  /**
   * Returns the backend that {@code -Dexample.bus} chooses.
   *
   * @return the backend; {@link Backend#EMBEDDED} when the property is not set
   * @throws IllegalArgumentException when the property names no backend
   */
  public static Backend selected() {
    String value = System.getProperty(PROPERTY, "embedded");
    try {
      return Backend.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw new IllegalArgumentException(
          "-D" + PROPERTY + " must be embedded, kafka or sqs, was '" + value + "'", unknown);
    }
  }

  /**
   * Returns how long the broker of this run took to start.
   *
   * @return zero on the embedded bus or before any broker started
   */
  public static Duration brokerStartTime() {
    return brokerStart;
  }

  @Override
  public MessageBus connect(Vigil vigil, long seed) {
    return switch (backend) {
      case EMBEDDED -> EmbeddedBus.create(vigil, seed);
      case KAFKA -> KafkaBus.connect(vigil, brokers.kafka().bootstrapServers());
      case SQS -> SqsBus.connect(vigil, brokers.sqs().endpoint().withLocalTopics());
    };
  }

  @Override
  public void close() {
    brokers.close();
  }

  /** The broker a backend needs, if any. */
  private record Brokers(
      @Nullable EmbeddedKafkaBroker kafkaBroker, @Nullable EmbeddedSqs sqsServer) {

    static Brokers start(Backend backend) {
      return switch (backend) {
        case EMBEDDED -> new Brokers(null, null);
        case KAFKA -> new Brokers(EmbeddedKafkaBroker.start(), null);
        case SQS -> new Brokers(null, EmbeddedSqs.start());
      };
    }

    EmbeddedKafkaBroker kafka() {
      if (kafkaBroker == null) {
        throw new IllegalStateException("no Kafka broker: the suite runs on another backend");
      }
      return kafkaBroker;
    }

    EmbeddedSqs sqs() {
      if (sqsServer == null) {
        throw new IllegalStateException("no ElasticMQ: the suite runs on another backend");
      }
      return sqsServer;
    }

    Duration startTime() {
      if (kafkaBroker != null) {
        return kafkaBroker.startTime();
      }
      return sqsServer != null ? sqsServer.startTime() : Duration.ZERO;
    }

    void close() {
      if (kafkaBroker != null) {
        kafkaBroker.close();
      }
      if (sqsServer != null) {
        sqsServer.close();
      }
    }
  }
}
