package dev.vigil.leak;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Recognises, by their stacks, threads that wait for work from an owner nobody closed. */
final class IdleThreads {
  static final String IDLE_EXECUTOR_WORKER = "idle worker of an executor that was not shut down";
  static final String TIMER = "thread of a java.util.Timer that was not cancelled";

  private IdleThreads() {}

  /** Returns the hint the stack suggests, or null. */
  static @Nullable String hintFor(List<StackTraceElement> stack) {
    for (StackTraceElement frame : stack) {
      // ThreadPoolExecutor (and so ScheduledThreadPoolExecutor) workers wait for tasks in getTask;
      // ForkJoinPool workers in awaitWork (JDK 17 to 25).
      if (is(frame, "java.util.concurrent.ThreadPoolExecutor", "getTask")
          || is(frame, "java.util.concurrent.ForkJoinPool", "awaitWork")) {
        return IDLE_EXECUTOR_WORKER;
      }
      if (is(frame, "java.util.TimerThread", "mainLoop")) {
        return TIMER;
      }
    }
    return null;
  }

  private static boolean is(StackTraceElement frame, String className, String method) {
    return frame.getClassName().equals(className) && frame.getMethodName().equals(method);
  }
}
