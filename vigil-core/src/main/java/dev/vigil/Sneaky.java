package dev.vigil;

/** Rethrows a probe's throwable unchanged, checked or not, so that nothing is wrapped or lost. */
final class Sneaky {
  private Sneaky() {}

  static RuntimeException rethrow(Throwable thrown) {
    throw Sneaky.<RuntimeException>typed(thrown);
  }

  @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
  private static <E extends Throwable> E typed(Throwable thrown) throws E {
    throw (E) thrown;
  }
}
