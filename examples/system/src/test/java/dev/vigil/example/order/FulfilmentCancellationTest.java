package dev.vigil.example.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.CancellationExplorer;
import dev.vigil.Vigil;
import dev.vigil.junit5.VigilTest;
import dev.vigil.time.Fiber;
import dev.vigil.time.VirtualSemaphore;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Fulfilment cancelled mid-way gives its stock back: seed 003's "Testing Cancellation" ({@code
 * task.cancel()}, then the cleanup ran) and seed 004's "Testing Cancellation Robustness" (cancel at
 * every await point, check nothing leaks). Fulfilment runs as a fiber on virtual time and waits for
 * a carrier slot on a {@link VirtualSemaphore}; the carrier is busy (no slot free).
 */
@VigilTest(virtualTime = true)
class FulfilmentCancellationTest {

  /**
   * Seed 003, "Testing Cancellation": cancelled while it waits for a slot, fulfilment releases the
   * 3 of prod-789 it reserved and the order is cancelled, with no label.
   */
  @Test
  void cancelling_while_waiting_for_a_carrier_releases_the_reservation(Vigil vigil)
      throws Exception {
    DataSource database = FulfilmentScene.newDatabase();
    try {
      FulfilmentScene scene =
          new FulfilmentScene(vigil, VirtualSemaphore.create(vigil.virtualTime(), 0), database);
      Fiber<Boolean> fulfilling =
          vigil
              .virtualTime()
              .startFiber("fulfil ord-1", () -> scene.fulfilment.fulfil(scene.paid, "corr-1"));
      vigil.virtualTime().advanceBy(FulfilmentScene.SLOT_WAIT.dividedBy(2));
      assertThat(fulfilling.parkedIn()).startsWith("VirtualSemaphore.tryAcquire");
      assertThat(scene.stock()).as("held while waiting").isEqualTo(97);

      fulfilling.cancel(true);
      vigil.virtualTime().runUntilIdle();

      assertThat(scene.stock()).as("released on cancel").isEqualTo(100);
      assertThat(scene.published).containsExactly(EventType.INVENTORY_RESERVED);
      assertThat(scene.status()).isEqualTo(OrderStatus.CANCELLED);
    } finally {
      FulfilmentScene.dropDatabase(database);
    }
  }

  /**
   * Seed 004, "Testing Cancellation Robustness": cancelled after any step — before it starts, while
   * it waits for the carrier — or left to give up at the slot wait, no stock stays held and nothing
   * stays scheduled.
   */
  @Test
  void cancelling_at_every_step_never_leaves_stock_held() throws Exception {
    DataSource database = FulfilmentScene.newDatabase(); // one per test: the runs are sequential
    int steps =
        CancellationExplorer.create()
            .explore(
                vigil -> {
                  FulfilmentScene scene =
                      new FulfilmentScene(
                          vigil, VirtualSemaphore.create(vigil.virtualTime(), 0), database);
                  Fiber<Boolean> fulfilling =
                      vigil
                          .virtualTime()
                          .startFiber(
                              "fulfil ord-1", () -> scene.fulfilment.fulfil(scene.paid, "corr-1"));
                  return CancellationExplorer.target(fulfilling)
                      .invariant(
                          "stock is held only by a labelled order",
                          () -> scene.stock() == (scene.labelled() ? 97 : 100));
                });
    FulfilmentScene.dropDatabase(database);
    assertThat(steps).as("cancellation points explored").isGreaterThanOrEqualTo(2);
  }
}
