package dev.vigil.bus.internal;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gives message ids shaped like SQS's (UUIDs) that are the same on every run of the same test: a
 * counter scrambled into the low half, the seed into the high half.
 */
final class MessageIds {
  private final long high;
  private final AtomicLong counter = new AtomicLong();

  MessageIds(long seed) {
    // Version 4 and IETF variant bits, so that the ids parse as ordinary random UUIDs.
    this.high = (mix(seed) & ~0xF000L) | 0x4000L;
  }

  String next() {
    long low = (mix(counter.incrementAndGet()) & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }

  /** A bijective scramble (the splitmix64 finaliser), so distinct counters give distinct ids. */
  private static long mix(long value) {
    long z = value + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
