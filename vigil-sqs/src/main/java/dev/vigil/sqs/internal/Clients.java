package dev.vigil.sqs.internal;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.SnsClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * The SDK clients of one bus: one HTTP client (the JDK's {@code HttpURLConnection}, no Netty, no
 * Apache) shared by SQS and SNS, with timeouts that make an unreachable endpoint fail within a few
 * seconds while a 20-second long poll still fits.
 */
public final class Clients implements AutoCloseable {
  /** A long poll lasts up to 20 s; the socket waits that long plus some slack for the answer. */
  private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(25);

  /** Tries per call: a refused connection is retried twice, then reported. */
  private static final int MAX_ATTEMPTS = 3;

  private final SdkHttpClient http;
  private final SqsClient sqs;
  private final @Nullable SnsClient sns;

  /**
   * Builds the clients.
   *
   * @param sqsUri the SQS endpoint, or {@code null} for AWS's
   * @param snsUri the SNS endpoint, or {@code null} for AWS's
   * @param withSns whether to build an SNS client at all
   * @param region the region
   * @param accessKey the static access key, or {@code null} for the default chain
   * @param secretKey the static secret, or {@code null} for the default chain
   * @param connectTimeout how long one connection attempt may take
   */
  public Clients(
      @Nullable URI sqsUri,
      @Nullable URI snsUri,
      boolean withSns,
      String region,
      @Nullable String accessKey,
      @Nullable String secretKey,
      Duration connectTimeout) {
    this.http =
        UrlConnectionHttpClient.builder()
            .connectionTimeout(connectTimeout)
            .socketTimeout(SOCKET_TIMEOUT)
            .build();
    AwsCredentialsProvider credentials =
        accessKey == null || secretKey == null
            ? DefaultCredentialsProvider.builder().build()
            : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
    ClientOverrideConfiguration overrides =
        ClientOverrideConfiguration.builder()
            .retryStrategy(StandardRetryStrategy.builder().maxAttempts(MAX_ATTEMPTS).build())
            .build();
    SqsClientBuilder sqsBuilder =
        SqsClient.builder()
            .httpClient(http)
            .region(Region.of(region))
            .credentialsProvider(credentials)
            .overrideConfiguration(overrides);
    if (sqsUri != null) {
      sqsBuilder.endpointOverride(sqsUri);
    }
    this.sqs = sqsBuilder.build();
    if (withSns) {
      SnsClientBuilder snsBuilder =
          SnsClient.builder()
              .httpClient(http)
              .region(Region.of(region))
              .credentialsProvider(credentials)
              .overrideConfiguration(overrides);
      if (snsUri != null) {
        snsBuilder.endpointOverride(snsUri);
      }
      this.sns = snsBuilder.build();
    } else {
      this.sns = null;
    }
  }

  /**
   * Returns the SQS client.
   *
   * @return the client
   */
  public SqsClient sqs() {
    return sqs;
  }

  /**
   * Returns the SNS client.
   *
   * @return the client, or {@code null} when the endpoint has no SNS
   */
  public @Nullable SnsClient sns() {
    return sns;
  }

  @Override
  public void close() {
    sqs.close();
    if (sns != null) {
      sns.close();
    }
    http.close();
  }
}
