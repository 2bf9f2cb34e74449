package dev.vigil.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Seed 003 ("Testing gather": {@code test_gather_success}, {@code test_gather_with_exceptions}) in
 * Java: {@code vigil.gather} is {@code asyncio.gather(..., return_exceptions=True)}, every outcome
 * kept by index.
 */
class SeedGatherTest {
  private final Vigil vigil = Vigil.withVirtualTime();

  @AfterEach
  void close() {
    vigil.close();
  }

  private CompletableFuture<String> asyncOp(int number) {
    CompletableFuture<String> result = new CompletableFuture<>();
    vigil
        .scheduler()
        .schedule(() -> result.complete("op-" + number), number, TimeUnit.MILLISECONDS);
    return result;
  }

  private CompletableFuture<String> asyncOpThatFails() {
    CompletableFuture<String> result = new CompletableFuture<>();
    vigil
        .scheduler()
        .schedule(
            () -> result.completeExceptionally(new IOException("op failed")),
            2,
            TimeUnit.MILLISECONDS);
    return result;
  }

  @Test
  void gather_success() {
    Gathered<String> results =
        vigil.gather(List.of(asyncOp(1), asyncOp(2), asyncOp(3))).get().allSucceeded();

    assertThat(results.values()).hasSize(3);
  }

  @Test
  void gather_with_exceptions() {
    Gathered<String> results =
        vigil.gather(List.of(asyncOp(1), asyncOpThatFails(), asyncOp(3))).get();

    assertThat(results.outcome(1).failure()).isInstanceOf(Exception.class);
    assertThat(results.values()).containsExactly("op-1", "op-3");
    assertThatThrownBy(results::allSucceeded)
        .hasMessageContaining("#1 failed at 2026-01-01T00:00:00.002Z with java.io.IOException");
  }
}
