package dev.vigil.doubles;

import dev.vigil.Vigil;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A stub of an async function of one argument, {@code Function<A, CompletableFuture<R>>}, scripted
 * like Python's {@code AsyncMock}: hand it to the code under test where it expects the function.
 *
 * <pre>{@code
 * AsyncStub<String, User> fetchUser = AsyncStub.<String, User>of(vigil, "fetchUser")
 *     .returnsAfter(Duration.ofMillis(100), new User("123", "John Doe"));
 * UserService service = new UserService(fetchUser);
 *
 * CompletableFuture<Profile> profile = service.profile("123");
 * assertThat(vigil.eventually(() -> profile).within(Duration.ofSeconds(1)).join())
 *     .isEqualTo(new Profile("123", "John Doe", true));   // after 100 ms of virtual time
 * fetchUser.assertCalledOnceWith("123").assertAwaitedOnce();
 * }</pre>
 *
 * <p>Java has no generic function of any number of arguments, so Vigil gives the two shapes code
 * most often takes: this one, and {@link AsyncSupplierStub} for none. For a dependency of two or
 * more arguments, wrap them in a record ({@code AsyncStub<Transfer, Receipt>} behind {@code (from,
 * to, amount) -> stub.apply(new Transfer(from, to, amount))}): failures then show the record's
 * components by name. To stub a whole interface, use Mockito with {@link AsyncAnswers}.
 *
 * @param <A> the type of the argument
 * @param <R> the type of the value the futures complete with
 * @since 0.1
 */
public final class AsyncStub<A extends @Nullable Object, R extends @Nullable Object>
    extends AsyncDouble<AsyncStub<A, R>, A, R> implements Function<A, CompletableFuture<R>> {

  private AsyncStub(Vigil vigil, String name) {
    super(vigil, name);
  }

  /**
   * Makes a stub whose calls complete at once with {@code null} until scripted otherwise.
   *
   * @param vigil the context whose clock, scheduler and timeline the stub uses
   * @param name what the timeline and failures call it, such as {@code fetchUserData}; not blank
   * @param <A> the type of the argument
   * @param <R> the type of the value
   * @return the stub
   */
  public static <A extends @Nullable Object, R extends @Nullable Object> AsyncStub<A, R> of(
      Vigil vigil, String name) {
    return new AsyncStub<>(vigil, name);
  }

  /**
   * Records the call and returns its future, which does what the script says.
   *
   * @param argument what the code under test passed
   * @return the call's future
   */
  @Override
  public CompletableFuture<R> apply(A argument) {
    return call(argument, "(" + Printed.of(argument) + ")");
  }

  @Override
  boolean takesArgument() {
    return true;
  }

  /**
   * Checks that the stub was called exactly once, with an argument equal to {@code expected}
   * (arrays by content). Python's {@code assert_called_once_with}.
   *
   * @param expected the argument expected
   * @return this stub
   * @throws AssertionError listing the calls, when there was not exactly one or its argument
   *     differs
   */
  public AsyncStub<A, R> assertCalledOnceWith(@Nullable A expected) {
    DoubleTexts.Listing listing = listing();
    if (listing.calls().size() != 1
        || !Objects.deepEquals(listing.calls().get(0).argument(), expected)) {
      throw new AssertionError(DoubleTexts.calledOnceWith(listing, expected));
    }
    return this;
  }

  /**
   * Tells whether any call had an argument equal to {@code argument} (arrays by content).
   *
   * @param argument the argument looked for
   * @return {@code true} when some call had it
   */
  public boolean wasCalledWith(@Nullable A argument) {
    return calls().stream().anyMatch(call -> Objects.deepEquals(call.argument(), argument));
  }
}
