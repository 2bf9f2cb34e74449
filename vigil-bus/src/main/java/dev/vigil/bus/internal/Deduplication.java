package dev.vigil.bus.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The FIFO deduplication window: a deduplication id seen on a queue within the last five minutes
 * makes a new send a no-op that returns the first message's id, as SQS does.
 */
final class Deduplication {
  private static final long WINDOW_NANOS = SqsLimits.DEDUPLICATION_WINDOW.toNanos();

  /** Per queue, the ids in the order first seen, so that expired ones are at the head. */
  private final Map<String, LinkedHashMap<String, Seen>> byQueue = new HashMap<>();

  private record Seen(String messageId, long atNanos) {}

  /**
   * Remembers {@code deduplicationId} for {@code messageId} unless it was seen within the window.
   *
   * @return the first message's id when this is a duplicate, else {@code null}
   */
  synchronized @Nullable String firstOrRemember(
      String queue, String deduplicationId, String messageId, long now) {
    LinkedHashMap<String, Seen> seen = byQueue.computeIfAbsent(queue, q -> new LinkedHashMap<>());
    for (Iterator<Seen> it = seen.values().iterator(); it.hasNext(); ) {
      if (now - it.next().atNanos() < WINDOW_NANOS) {
        break;
      }
      it.remove();
    }
    Seen first = seen.get(deduplicationId);
    if (first != null) {
      return first.messageId();
    }
    seen.put(deduplicationId, new Seen(messageId, now));
    return null;
  }

  synchronized void forget(String queue) {
    byQueue.remove(queue);
  }

  /** The id content-based deduplication uses: SHA-256 of the body, as SQS does. */
  static String contentHash(String body) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every JDK has SHA-256", impossible);
    }
  }
}
