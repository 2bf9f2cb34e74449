package dev.vigil.assertj;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.Vigil;
import java.util.Map;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** AssertJ's JUnit extension injects Vigil's soft assertions like its own (and asserts all). */
@ExtendWith(SoftAssertionsExtension.class)
class SoftAssertionsExtensionTest {
  @AutoClose private final Vigil vigil = Vigil.withVirtualTime();

  @InjectSoftAssertions private VigilSoftAssertions softly;

  @Test
  void the_extension_injects_vigil_soft_assertions() {
    vigil.timeline().record("order.created", "o-1", Map.of());

    softly.assertThat(vigil.timeline()).containsExactlyOnce("order.created");
    softly
        .assertThatTimeline(vigil)
        .eventually()
        .forCorrelationId("o-1")
        .containsInOrder("order.created");

    assertThat(softly.wasSuccess()).isTrue();
  }
}
