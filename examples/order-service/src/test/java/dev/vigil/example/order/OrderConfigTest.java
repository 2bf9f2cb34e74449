package dev.vigil.example.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderConfigTest {

  @Test
  void without_settings_the_production_defaults_apply() {
    OrderConfig config = OrderConfig.from(name -> null);

    assertThat(config).isEqualTo(OrderConfig.defaults());
    assertThat(config.visibilityTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.maxReceiveCount()).isEqualTo(3);
    assertThat(config.initialStock()).containsEntry("prod-789", 100);
  }

  @Test
  void settings_override_the_defaults() {
    Map<String, String> environment =
        Map.of(
            "ORDER_PAYMENT_PROVIDER_URL", "http://payments.example",
            "ORDER_PAYMENT_TIMEOUT_SECONDS", "5",
            "AWS_SQS_MAX_RECEIVE_COUNT", "5");

    OrderConfig config = OrderConfig.from(environment::get);

    assertThat(config.paymentProviderUri()).isEqualTo(URI.create("http://payments.example"));
    assertThat(config.paymentTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.maxReceiveCount()).isEqualTo(5);
  }

  @Test
  void a_bad_setting_is_named_with_its_value() {
    assertThatThrownBy(() -> OrderConfig.from(Map.of("ORDER_CARRIER_SLOTS", "0")::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("carrierSlots must be at least 1, was 0");
  }
}
