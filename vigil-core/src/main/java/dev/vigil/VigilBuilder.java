package dev.vigil;

import dev.vigil.time.TimeSource;
import dev.vigil.time.VirtualTimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Configures a {@link Vigil} context; made by {@link Vigil#builder()}.
 *
 * @since 0.1
 */
public final class VigilBuilder {
  private @Nullable TimeSource time;
  private @Nullable Instant virtualOrigin;
  private @Nullable Long seed;
  private Patience patience = Patience.defaults();

  VigilBuilder() {}

  /**
   * Uses {@code source} for all time; the context closes it. For virtual time use {@link
   * #virtualTime()} instead.
   *
   * @param source such as {@link TimeSource#real()}, or a time source of your own
   * @return this builder
   */
  public VigilBuilder timeSource(TimeSource source) {
    Objects.requireNonNull(source, "source must not be null");
    if (source instanceof VirtualTimeSource) {
      // One way to virtual time, so a seed and an origin have one place to be set.
      throw new IllegalArgumentException(
          "source must not be a VirtualTimeSource (use Vigil.withVirtualTime() or"
              + " Vigil.builder().virtualTime()), was "
              + source);
    }
    this.time = source;
    return this;
  }

  /**
   * Runs the context on virtual time starting at {@link VirtualTimeSource#DEFAULT_ORIGIN}.
   *
   * @return this builder
   */
  public VigilBuilder virtualTime() {
    return virtualTime(VirtualTimeSource.DEFAULT_ORIGIN);
  }

  /**
   * Runs the context on virtual time starting at {@code origin}.
   *
   * @param origin the instant the virtual clock reads at first
   * @return this builder
   */
  public VigilBuilder virtualTime(Instant origin) {
    this.virtualOrigin = Objects.requireNonNull(origin, "origin must not be null");
    return this;
  }

  /**
   * Shuffles tasks due at the same virtual instant with {@code newSeed}, reproducibly; failures
   * print the seed. Implies virtual time.
   *
   * @param newSeed the seed
   * @return this builder
   */
  public VigilBuilder seed(long newSeed) {
    this.seed = newSeed;
    return this;
  }

  /**
   * Uses these defaults for the context's waits.
   *
   * @param newPatience the defaults
   * @return this builder
   */
  public VigilBuilder patience(Patience newPatience) {
    this.patience = Objects.requireNonNull(newPatience, "patience must not be null");
    return this;
  }

  /**
   * Sets the timeout of {@link Eventually#get()}.
   *
   * @param timeout positive
   * @return this builder
   */
  public VigilBuilder timeout(Duration timeout) {
    this.patience = patience.withTimeout(timeout);
    return this;
  }

  /**
   * Sets the factor every timeout is multiplied by, instead of the system property.
   *
   * @param factor a finite number &gt; 0
   * @return this builder
   */
  public VigilBuilder timeScale(double factor) {
    this.patience = patience.withTimeScale(factor);
    return this;
  }

  /**
   * Sets the poll strategy of waits that do not choose their own.
   *
   * @param strategy the strategy
   * @return this builder
   */
  public VigilBuilder pollStrategy(PollStrategy strategy) {
    this.patience = patience.withPollStrategy(strategy);
    return this;
  }

  /**
   * Creates the context.
   *
   * @return the context
   */
  public Vigil build() {
    if (time != null && (virtualOrigin != null || seed != null)) {
      throw new IllegalStateException(
          "timeSource(...) and virtualTime()/seed(...) exclude each other; choose one");
    }
    return new Vigil(chooseTime(), patience, false);
  }

  private TimeSource chooseTime() {
    if (time != null) {
      return time;
    }
    if (virtualOrigin == null && seed == null) {
      return TimeSource.real();
    }
    Instant origin = virtualOrigin != null ? virtualOrigin : VirtualTimeSource.DEFAULT_ORIGIN;
    return seed != null
        ? VirtualTimeSource.seeded(origin, seed)
        : VirtualTimeSource.startingAt(origin);
  }
}
