package dev.vigil.example.order;

import dev.vigil.bus.MessageBus;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;

/** What an {@link OrderService} was built with. */
record OrderParts(
    OrderConfig config,
    MessageBus bus,
    Clock clock,
    ScheduledExecutorService scheduler,
    DataSource dataSource,
    HttpClient httpClient,
    InetSocketAddress bindAddress,
    BlockingQueue<Notification> notificationQueue,
    PaymentProvider paymentProvider,
    Semaphore carrierSlots) {}
