package dev.vigil.async;

import java.util.concurrent.Callable;

/**
 * A subtask with a name, which the subtask watch shows in its records and failure texts.
 *
 * @param name what it prints as
 * @param body what it does
 * @param <T> the type of its result
 */
record NamedTask<T>(String name, Callable<T> body) implements Callable<T> {
  @Override
  public T call() throws Exception {
    return body.call();
  }

  @Override
  public String toString() {
    return name;
  }
}
