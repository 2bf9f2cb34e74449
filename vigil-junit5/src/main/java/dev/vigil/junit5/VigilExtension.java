package dev.vigil.junit5;

import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * The extension behind {@link VigilTest} and {@link ExploreSeeds}; register it through them.
 *
 * <p>It keeps no state of its own: each test's (or class's) run lives in JUnit's store for that
 * test, so tests running in parallel never share a context, a bus or a timeline.
 *
 * @since 0.1
 */
public final class VigilExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver,
        TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler,
        TestTemplateInvocationContextProvider {

  /** Made by JUnit. */
  public VigilExtension() {}

  @Override
  public void beforeAll(ExtensionContext context) {
    // Made before any test of the class, so a broker the factory starts is no test's leak.
    BusFactories.of(context, Settings.of(context).busFactory());
    if (Settings.of(context).scope() == ContextScope.CLASS) {
      Runs.start(context);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    TestRun run =
        Settings.of(context).scope() == ContextScope.CLASS
            ? Runs.required(context)
            : Runs.start(context);
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      Runs.rememberFilled(context, instance, Injection.fillFields(instance, run));
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    Runs.emptyFilledFields(context);
    if (Settings.of(context).scope() == ContextScope.TEST) {
      Runs.finish(context);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (Settings.of(context).scope() == ContextScope.CLASS) {
      Runs.finish(context);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return Injection.supports(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    @Nullable TestRun run = Runs.find(context);
    Class<?> type = parameter.getParameter().getType();
    if (run == null) {
      throw new ParameterResolutionException(
          "no Vigil context for "
              + type.getSimpleName()
              + " in "
              + parameter.getDeclaringExecutable().getName()
              + ": a per-test context starts before @BeforeEach; for @BeforeAll use"
              + " @VigilTest(scope = ContextScope.CLASS)");
    }
    try {
      return Injection.resolve(run, type);
    } catch (RuntimeException cannot) {
      throw new ParameterResolutionException(cannot.getMessage(), cannot);
    }
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    throw Runs.noteFailure(context, failure);
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    throw Runs.noteFailure(context, failure);
  }

  @Override
  public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    throw Runs.noteFailure(context, failure);
  }

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return SeedExploration.explores(context);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(
      ExtensionContext context) {
    return SeedExploration.runs(context);
  }
}
