package dev.vigil;

/** The three ways to wait; they differ only in which evaluation ends the wait. */
enum WaitKind {
  /** Ends with success on the first evaluation that holds. */
  EVENTUALLY,
  /** Ends with failure on the first evaluation that does not hold. */
  CONTINUALLY,
  /** Ends with failure on the first evaluation that holds. */
  NEVER
}
