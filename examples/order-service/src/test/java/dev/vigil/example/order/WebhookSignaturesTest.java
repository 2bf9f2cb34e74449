package dev.vigil.example.order;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignaturesTest {
  private final WebhookSignatures signatures = new WebhookSignatures("secret");
  private final byte[] body = "{\"order_id\": \"ord-1\"}".getBytes(UTF_8);

  @Test
  void a_body_signed_with_the_secret_verifies() {
    assertThat(signatures.sign(body)).startsWith("sha256=").hasSize(7 + 64);
    assertThat(signatures.verify(body, signatures.sign(body))).isTrue();
  }

  @Test
  void another_secret_another_body_or_no_header_does_not_verify() {
    assertThat(signatures.verify(body, new WebhookSignatures("other").sign(body))).isFalse();
    assertThat(signatures.verify("{}".getBytes(UTF_8), signatures.sign(body))).isFalse();
    assertThat(signatures.verify(body, null)).isFalse();
  }
}
