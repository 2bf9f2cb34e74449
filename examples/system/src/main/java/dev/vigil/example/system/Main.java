package dev.vigil.example.system;

import dev.vigil.Vigil;
import dev.vigil.bus.EmbeddedBus;
import dev.vigil.timeline.TimelineEntry;
import dev.vigil.timeline.TimelineReport;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts the example system on the embedded bus, on real time, for exploring it by hand: prints the
 * two services' addresses and a request to try on each, then every bus event as it happens; on
 * Ctrl+C writes the whole timeline as an HTML sequence diagram ({@code ./example serve}).
 */
public final class Main {
  private Main() {}

  /**
   * Runs the system until the JVM is stopped.
   *
   * @param args optionally, where to write the timeline report on exit (default {@code
   *     example-system-timeline.html})
   * @throws InterruptedException when interrupted while serving
   */
  public static void main(String[] args) throws InterruptedException {
    Path report = Path.of(args.length > 0 ? args[0] : "example-system-timeline.html");
    Vigil vigil = Vigil.create();
    EmbeddedBus bus = EmbeddedBus.create(vigil);
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    ExampleSystem system =
        ExampleSystem.start(bus, vigil.clock(), scheduler, HttpClient.newHttpClient());
    printHowTo(system);
    AtomicInteger printed = new AtomicInteger();
    scheduler.scheduleWithFixedDelay(
        () -> printNewEntries(vigil, printed), 200, 200, TimeUnit.MILLISECONDS);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  system.close();
                  scheduler.shutdownNow();
                  System.out.println(
                      "timeline report: " + TimelineReport.write(vigil.timeline(), report));
                  vigil.close();
                  stopped.countDown();
                },
                "example-system-stop"));
    stopped.await();
  }

  private static void printHowTo(ExampleSystem system) {
    System.out.println("Customer service: " + system.customers());
    System.out.println(
        "  curl -s -X POST " + system.customers() + "customer -d '{\"name\": \"John Doe\"}'");
    System.out.println("Order service:    " + system.orders());
    System.out.println(
        "  curl -s -X POST "
            + system.orders()
            + "orders -d '{\"customer_id\": \"<id from above>\", \"amount\": 99.99,"
            + " \"items\": [{\"product_id\": \"prod-789\", \"quantity\": 3}]}'");
    System.out.println("Every bus event follows; Ctrl+C stops and writes the timeline report.");
  }

  private static void printNewEntries(Vigil vigil, AtomicInteger printed) {
    List<TimelineEntry> entries = vigil.timeline().entries();
    for (int i = printed.get(); i < entries.size(); i++) {
      TimelineEntry entry = entries.get(i);
      System.out.printf(
          "%s  %-8s %-40s %s%n",
          entry.at(),
          entry.source(),
          entry.type(),
          entry.correlationId() == null ? "" : entry.correlationId());
    }
    printed.set(entries.size());
  }
}
