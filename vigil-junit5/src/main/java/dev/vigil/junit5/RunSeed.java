package dev.vigil.junit5;

import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/** The seed of one test's context and where it came from, for the failure's rerun hint. */
record RunSeed(long value, String origin) {
  static final String PROPERTY = "vigil.seed";

  /**
   * Picks the seed: one fixed on the annotation wins, then the seed run of {@link ExploreSeeds},
   * then {@code -Dvigil.seed}, then a random draw.
   */
  static RunSeed choose(long annotated, @Nullable RunSeed explored) {
    if (annotated != VigilTest.RANDOM_SEED) {
      return new RunSeed(annotated, "fixed by @VigilTest(seed = " + annotated + ")");
    }
    if (explored != null) {
      return explored;
    }
    Long property = fromProperty();
    if (property != null) {
      return new RunSeed(property, "from -D" + PROPERTY);
    }
    // Non-negative and int-sized: short enough to read out of a CI log and type back in.
    long drawn = ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE);
    return new RunSeed(drawn, "drawn at random");
  }

  /** The seed given by {@code -Dvigil.seed}, or null; a value that is not a number is refused. */
  static @Nullable Long fromProperty() {
    String text = System.getProperty(PROPERTY);
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException notANumber) {
      throw new IllegalArgumentException(
          "system property " + PROPERTY + " must be a whole number, was \"" + text + "\"",
          notANumber);
    }
  }
}
