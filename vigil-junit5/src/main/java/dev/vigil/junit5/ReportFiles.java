package dev.vigil.junit5;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Where a test's HTML timeline report goes, and the names a rerun command uses. */
final class ReportFiles {
  static final String DIRECTORY_PROPERTY = "vigil.reports.dir";
  static final String DEFAULT_DIRECTORY = "target/vigil-reports";
  private static final Pattern INVOCATION = Pattern.compile("\\[[a-z-]*invocation:#(\\d+)]$");
  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._$\\[\\]-]");

  private ReportFiles() {}

  /** {@code target/vigil-reports/<class>/<method>.html}, or {@code <method>[n].html} for runs. */
  static Path of(ExtensionContext context) {
    String directory = System.getProperty(DIRECTORY_PROPERTY, DEFAULT_DIRECTORY);
    String owner = context.getTestClass().map(Class::getName).orElse("engine");
    String test = context.getTestMethod().map(m -> m.getName()).orElse("class");
    int invocation = invocationIndex(context);
    String file = test + (invocation > 0 ? "[" + invocation + "]" : "") + ".html";
    return Path.of(directory, safe(owner), safe(file));
  }

  /** The class and method as Maven Surefire's {@code -Dtest} takes them. */
  static String surefireName(ExtensionContext context) {
    String owner = context.getTestClass().map(ReportFiles::withoutPackage).orElse("*");
    return context.getTestMethod().map(m -> owner + "#" + m.getName()).orElse(owner);
  }

  /** The 1-based index of a template or parameterized invocation, or 0 for a plain test. */
  static int invocationIndex(ExtensionContext context) {
    Matcher m = INVOCATION.matcher(context.getUniqueId());
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  private static String withoutPackage(Class<?> type) {
    String name = type.getName();
    return name.substring(name.lastIndexOf('.') + 1);
  }

  private static String safe(String name) {
    return UNSAFE.matcher(name).replaceAll("_");
  }
}
