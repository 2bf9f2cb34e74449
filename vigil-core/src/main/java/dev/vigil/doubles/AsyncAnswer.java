package dev.vigil.doubles;

import dev.vigil.Vigil;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.mockito.Mockito;
import org.mockito.invocation.InvocationOnMock;
import org.mockito.stubbing.Answer;

/**
 * A Mockito {@link Answer} for methods that return a {@code CompletableFuture}, {@code
 * CompletionStage} or {@code Future}: each call returns a future that does what the answer was made
 * to do on the context's time, and is recorded on the timeline as {@code <mock>.<method> called}
 * with its arguments, then {@code returned}, {@code failed} or {@code cancelled}. Made by {@link
 * AsyncAnswers}; one answer may serve several stubbings, and numbers their calls together.
 *
 * @since 0.1
 */
public final class AsyncAnswer implements Answer<Object> {
  private final Script<@Nullable Object> script;
  private final CallLog<List<@Nullable Object>, @Nullable Object> log;

  AsyncAnswer(Vigil vigil, Script<@Nullable Object> script) {
    this.script = script;
    this.log = new CallLog<>(vigil);
  }

  /**
   * Records the call and returns its future.
   *
   * @param invocation the call Mockito intercepted
   * @return a {@code CompletableFuture} that does what the answer says
   * @throws IllegalStateException when the method cannot return a {@code CompletableFuture}
   */
  @Override
  public Object answer(InvocationOnMock invocation) {
    Method method = invocation.getMethod();
    String name = mockName(invocation.getMock()) + "." + method.getName();
    if (!method.getReturnType().isAssignableFrom(CompletableFuture.class)) {
      throw new IllegalStateException(
          "AsyncAnswers answer methods that return a CompletableFuture, CompletionStage or Future,"
              + " but "
              + name
              + " returns "
              + method.getReturnType().getName());
    }
    List<@Nullable Object> arguments = Arrays.asList(invocation.getArguments());
    return log.start(name, arguments, Printed.arguments(arguments), script);
  }

  private static String mockName(Object mock) {
    // The name given to mock(type, name), else Mockito's default: the type's name, lower camel.
    return String.valueOf(
        Mockito.mockingDetails(mock).getMockCreationSettings().getMockName().toString());
  }

  /**
   * Returns every call this answer served, oldest first, each with its arguments as a list.
   *
   * @return a snapshot
   */
  public List<Call<List<@Nullable Object>, @Nullable Object>> calls() {
    return log.calls();
  }

  /**
   * Returns the calls whose future has not completed yet, such as calls hanging until cancelled.
   *
   * @return a snapshot, oldest first
   */
  public List<Call<List<@Nullable Object>, @Nullable Object>> pendingCalls() {
    return calls().stream().filter(Call::isPending).toList();
  }

  @Override
  public String toString() {
    return "AsyncAnswer[" + log.calls().size() + " calls]";
  }
}
