package dev.vigil.doubles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.vigil.Vigil;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Seed 002 "Mocking Async Dependencies" and "Integration Testing", and seed 003 "Mocking Async
 * Functions", in Java: Python's {@code AsyncMock} becomes an {@link AsyncStub}, an {@link
 * AsyncSupplierStub} or a Mockito mock answered by {@link AsyncAnswers}.
 */
class SeedAsyncDoublesTest {
  private final Vigil vigil = Vigil.withVirtualTime();

  @AfterEach
  void close() {
    vigil.close();
  }

  /** Seed 002's {@code UserService}: a profile from an external API, or the error's text. */
  record UserService(Function<String, CompletableFuture<Map<String, String>>> fetchUserData) {
    CompletableFuture<Map<String, Object>> getUserProfile(String userId) {
      return fetchUserData
          .apply(userId)
          .<Map<String, Object>>thenApply(
              user ->
                  Map.of(
                      "id", user.get("id"),
                      "name", user.get("name"),
                      "profile_complete", !user.getOrDefault("name", "").isEmpty()))
          .exceptionally(e -> Map.of("error", String.valueOf(unwrapped(e).getMessage())));
    }

    private static Throwable unwrapped(Throwable e) {
      return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }
  }

  /** The API client Mockito mocks in {@link #user_service_success_with_mockito()}. */
  interface ApiClient {
    CompletableFuture<Map<String, String>> fetchUserData(String userId);
  }

  private <T> T awaited(CompletableFuture<T> future) {
    return vigil.eventually(() -> future).within(Duration.ofSeconds(5)).join();
  }

  @Test
  void user_service_success() {
    AsyncStub<String, Map<String, String>> fetchUserData =
        AsyncStub.<String, Map<String, String>>of(vigil, "api_client.fetch_user_data")
            .returnsAfter(Duration.ofMillis(100), Map.of("id", "123", "name", "John Doe"));
    UserService service = new UserService(fetchUserData);

    Map<String, Object> profile = awaited(service.getUserProfile("123"));

    assertThat(profile).containsEntry("id", "123").containsEntry("profile_complete", true);
    fetchUserData.assertCalledOnceWith("123");
  }

  @Test
  void user_service_success_with_mockito() {
    ApiClient apiClient = mock(ApiClient.class);
    when(apiClient.fetchUserData("123"))
        .thenAnswer(
            AsyncAnswers.completeAfter(
                vigil, Duration.ofMillis(100), Map.of("id", "123", "name", "John Doe")));
    UserService service = new UserService(apiClient::fetchUserData);

    Map<String, Object> profile = awaited(service.getUserProfile("123"));

    assertThat(profile).containsEntry("id", "123").containsEntry("profile_complete", true);
    verify(apiClient).fetchUserData("123");
  }

  @Test
  void user_service_error_handling() {
    AsyncStub<String, Map<String, String>> fetchUserData =
        AsyncStub.<String, Map<String, String>>of(vigil, "api_client.fetch_user_data")
            .fails(new Exception("API timeout"));
    UserService service = new UserService(fetchUserData);

    Map<String, Object> profile = awaited(service.getUserProfile("123"));

    assertThat(profile).containsKey("error");
    assertThat((String) profile.get("error")).contains("API timeout");
  }

  @Test
  void user_registration_workflow() {
    AsyncStub<Map<String, String>, Map<String, String>> createUser =
        AsyncStub.<Map<String, String>, Map<String, String>>of(vigil, "database.create_user")
            .returns(Map.of("id", "user_123"));
    AsyncStub<String, Map<String, String>> getUser =
        AsyncStub.<String, Map<String, String>>of(vigil, "database.get_user")
            .returns(Map.of("id", "user_123", "name", "John"));
    AsyncStub<String, Void> sendWelcomeEmail =
        AsyncStub.of(vigil, "email_service.send_welcome_email"); // unscripted: completes with null
    Function<Map<String, String>, CompletableFuture<Map<String, String>>> registerUser =
        userData ->
            createUser
                .apply(userData)
                .thenCompose(
                    user ->
                        sendWelcomeEmail
                            .apply(user.get("id"))
                            .thenCompose(sent -> getUser.apply(user.get("id"))));

    Map<String, String> result =
        awaited(registerUser.apply(Map.of("name", "John", "email", "john@example.com")));

    assertThat(result).containsEntry("id", "user_123");
    createUser.assertCalledOnce();
    sendWelcomeEmail.assertCalledOnceWith("user_123");
  }

  @Test
  void mock_async_function() {
    AsyncSupplierStub<Map<String, String>> asyncApiCall =
        AsyncSupplierStub.<Map<String, String>>of(vigil, "mymodule.async_api_call")
            .returns(Map.of("data", "mocked"));
    Supplier<CompletableFuture<Map<String, String>>> fetchData =
        asyncApiCall; // mymodule.fetch_data

    Map<String, String> result = awaited(fetchData.get());

    assertThat(result).isEqualTo(Map.of("data", "mocked"));
    asyncApiCall.assertAwaitedOnce();
  }

  @Test
  void async_side_effect() {
    AsyncSupplierStub<Map<String, Integer>> mock =
        AsyncSupplierStub.<Map<String, Integer>>of(vigil, "mock")
            .answersInOrder(
                Outcome.value(Map.of("page", 1)),
                Outcome.value(Map.of("page", 2)),
                Outcome.failure(new IllegalArgumentException("No more pages")));

    assertThat(awaited(mock.get())).isEqualTo(Map.of("page", 1));
    assertThat(awaited(mock.get())).isEqualTo(Map.of("page", 2));
    assertThatThrownBy(() -> mock.get().join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(IllegalArgumentException.class);
  }
}
