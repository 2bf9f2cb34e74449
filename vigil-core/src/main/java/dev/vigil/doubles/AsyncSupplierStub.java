package dev.vigil.doubles;

import dev.vigil.Vigil;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A stub of an async call without arguments, {@code Supplier<CompletableFuture<R>>}, scripted like
 * Python's {@code AsyncMock}: the next page of a feed, a health probe, a token refresh.
 *
 * <pre>{@code
 * AsyncSupplierStub<Page> nextPage = AsyncSupplierStub.<Page>of(vigil, "nextPage")
 *     .answersInOrder(Outcome.value(page1), Outcome.value(page2),
 *         Outcome.failure(new NoSuchElementException("no more pages")));
 * }</pre>
 *
 * @param <R> the type of the value the futures complete with
 * @since 0.1
 */
public final class AsyncSupplierStub<R extends @Nullable Object>
    extends AsyncDouble<AsyncSupplierStub<R>, @Nullable Void, R>
    implements Supplier<CompletableFuture<R>> {

  private AsyncSupplierStub(Vigil vigil, String name) {
    super(vigil, name);
  }

  /**
   * Makes a stub whose calls complete at once with {@code null} until scripted otherwise.
   *
   * @param vigil the context whose clock, scheduler and timeline the stub uses
   * @param name what the timeline and failures call it, such as {@code nextPage}; not blank
   * @param <R> the type of the value
   * @return the stub
   */
  public static <R extends @Nullable Object> AsyncSupplierStub<R> of(Vigil vigil, String name) {
    return new AsyncSupplierStub<>(vigil, name);
  }

  /**
   * Records the call and returns its future, which does what the script says.
   *
   * @return the call's future
   */
  @Override
  public CompletableFuture<R> get() {
    return call(null, "()");
  }

  @Override
  boolean takesArgument() {
    return false;
  }
}
