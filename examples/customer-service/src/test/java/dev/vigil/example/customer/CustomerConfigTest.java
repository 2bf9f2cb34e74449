package dev.vigil.example.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerConfigTest {

  @Test
  void defaults_are_the_seeds_production_settings() {
    CustomerConfig defaults = CustomerConfig.defaults();

    assertThat(defaults.maxReceiveCount()).isEqualTo(3);
    assertThat(defaults.visibilityTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(defaults.orderCreatedQueue().deadLetterQueue())
        .isEqualTo("customer--order-created--dlq");
  }

  @Test
  void the_environment_overrides_the_defaults_as_the_seeds_autotest_does() {
    Map<String, String> environment =
        Map.of(
            "AWS_SQS_MAX_RECEIVE_COUNT", "1",
            "AWS_SQS_VISIBILITY_TIMEOUT", "3",
            "DYNAMODB_TABLE_NAME", "autotest-customers");

    CustomerConfig config = CustomerConfig.fromLookup(environment::get);

    assertThat(config)
        .isEqualTo(new CustomerConfig(1, Duration.ofSeconds(3), "autotest-customers"));
  }

  @Test
  void unset_values_keep_their_defaults() {
    assertThat(CustomerConfig.fromLookup(name -> null)).isEqualTo(CustomerConfig.defaults());
  }

  @Test
  void a_value_that_is_not_a_number_is_refused_naming_the_variable() {
    assertThatThrownBy(
            () -> CustomerConfig.fromLookup(Map.of("AWS_SQS_MAX_RECEIVE_COUNT", "three")::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("AWS_SQS_MAX_RECEIVE_COUNT must be a whole number, was 'three'");
  }

  @Test
  void a_receive_count_out_of_range_is_refused() {
    assertThatThrownBy(() -> CustomerConfig.defaults().withMaxReceiveCount(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxReceiveCount must be between 1 and 1000, was 0");
  }
}
