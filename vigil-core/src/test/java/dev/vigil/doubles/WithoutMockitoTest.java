package dev.vigil.doubles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Mockito is optional: the doubles that do not mention it load and run without it. */
class WithoutMockitoTest {

  @Test
  void a_stub_works_with_no_mockito_on_the_class_path() throws Exception {
    try (URLClassLoader withoutMockito = coreOnly()) {
      assertThatThrownBy(() -> withoutMockito.loadClass("org.mockito.stubbing.Answer"))
          .isInstanceOf(ClassNotFoundException.class);
      Class<?> vigilType = withoutMockito.loadClass("dev.vigil.Vigil");
      try (AutoCloseable vigil =
          (AutoCloseable) vigilType.getMethod("withVirtualTime").invoke(null)) {
        Method of =
            withoutMockito
                .loadClass("dev.vigil.doubles.AsyncStub")
                .getMethod("of", vigilType, String.class);
        @SuppressWarnings("unchecked")
        Function<Object, CompletableFuture<?>> stub =
            (Function<Object, CompletableFuture<?>>) of.invoke(null, vigil, "fetch");

        assertThat(stub.apply("123")).isCompletedWithValue(null);
      }
    }
  }

  @Test
  void the_mockito_answers_are_what_needs_it() throws Exception {
    try (URLClassLoader withoutMockito = coreOnly()) {
      Class<?> answers = withoutMockito.loadClass("dev.vigil.doubles.AsyncAnswers");

      assertThatThrownBy(() -> answers.getMethods()).isInstanceOf(NoClassDefFoundError.class);
    }
  }

  /** The core's own classes only, over the JDK: no Mockito, no test classes. */
  private static URLClassLoader coreOnly() {
    URL classes = AsyncStub.class.getProtectionDomain().getCodeSource().getLocation();
    return new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader());
  }
}
