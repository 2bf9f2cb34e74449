package dev.vigil.junit5;

import java.lang.reflect.InvocationTargetException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The {@link BusFactory} instances of a test run: one per class, made on first use and kept in
 * JUnit's root store, which closes them when the run ends.
 */
final class BusFactories {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(BusFactories.class);

  private BusFactories() {}

  static BusFactory of(ExtensionContext context, Class<? extends BusFactory> type) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(type, key -> new Held(make(type)), Held.class)
        .factory();
  }

  private static BusFactory make(Class<? extends BusFactory> type) {
    try {
      return type.getConstructor().newInstance();
    } catch (NoSuchMethodException | IllegalAccessException missing) {
      throw new IllegalArgumentException(
          "@VigilTest(bus = "
              + type.getName()
              + ".class) needs a public class with a public no-argument constructor",
          missing);
    } catch (InstantiationException abstractType) {
      throw new IllegalArgumentException(
          "@VigilTest(bus = " + type.getName() + ".class) must name a concrete class",
          abstractType);
    } catch (InvocationTargetException failed) {
      throw new IllegalStateException(
          "@VigilTest(bus = " + type.getName() + ".class): its constructor failed",
          failed.getCause());
    }
  }

  /**
   * Closes the factory with the run, when it can be closed: JUnit 5.10 to 5.12 close a {@code
   * CloseableResource}, later versions an {@code AutoCloseable} (and warn about the other alone).
   */
  @SuppressWarnings("deprecation")
  private record Held(BusFactory factory)
      implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    @Override
    public void close() throws Exception {
      if (factory instanceof AutoCloseable closeable) {
        closeable.close();
      }
    }
  }
}
