package dev.vigil.snapshot;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads an object as named fields so that a diff can say which field changed: a record by its
 * components, a map by its entries, a bean by its getters; any other value is one field, {@value
 * #VALUE}.
 */
final class Fields {
  /** The one field of a plain value such as a number, a string or an enum. */
  static final String VALUE = "value";

  private Fields() {}

  static Map<String, @Nullable Object> of(@Nullable Object item) {
    Map<String, @Nullable Object> fields = new LinkedHashMap<>();
    if (item instanceof Map<?, ?> map) {
      map.forEach((name, value) -> fields.put(String.valueOf(name), value));
    } else if (item != null && item.getClass().isRecord()) {
      for (RecordComponent component : item.getClass().getRecordComponents()) {
        fields.put(component.getName(), read(item, component.getAccessor()));
      }
    } else if (item != null && isBean(item.getClass())) {
      getters(item.getClass()).forEach((name, getter) -> fields.put(name, read(item, getter)));
    } else {
      fields.put(VALUE, item);
    }
    return fields;
  }

  private static boolean isBean(Class<?> type) {
    // The JDK's own types (numbers, strings, time, collections) are values, not beans.
    String name = type.getName();
    return !type.isEnum()
        && !type.isArray()
        && !name.startsWith("java.")
        && !name.startsWith("javax.")
        && !getters(type).isEmpty();
  }

  private static Map<String, Method> getters(Class<?> type) {
    Map<String, Method> getters = new TreeMap<>(Comparator.naturalOrder());
    for (Method method : type.getMethods()) {
      String property = propertyOf(method);
      if (property != null) {
        getters.put(property, method);
      }
    }
    return getters;
  }

  private static @Nullable String propertyOf(Method method) {
    if (method.getParameterCount() != 0
        || Modifier.isStatic(method.getModifiers())
        || method.getDeclaringClass() == Object.class) {
      return null;
    }
    String name = method.getName();
    int prefix =
        name.startsWith("get") && method.getReturnType() != void.class
            ? 3
            : name.startsWith("is") && method.getReturnType() == boolean.class ? 2 : 0;
    if (prefix == 0 || name.length() == prefix) {
      return null;
    }
    return Character.toLowerCase(name.charAt(prefix)) + name.substring(prefix + 1);
  }

  private static @Nullable Object read(Object item, Method accessor) {
    try {
      if (!accessor.canAccess(item)) {
        accessor.trySetAccessible();
      }
      return accessor.invoke(item);
    } catch (IllegalAccessException e) {
      throw new IllegalArgumentException(
          "cannot read "
              + accessor.getName()
              + "() of "
              + item.getClass().getName()
              + ": make the type public, or open its package to dev.vigil.snapshot",
          e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(
          accessor.getName() + "() of " + item.getClass().getName() + " threw", e.getCause());
    }
  }
}
