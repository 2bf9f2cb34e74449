package dev.vigil.sqs;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where an {@link SqsBus} connects: the SQS endpoint's URI (or AWS's own), the region, the
 * credentials, an optional SNS endpoint, and how long the SDK may try before it gives up on an
 * endpoint that does not answer. Immutable; each {@code withX} returns a checked copy.
 *
 * <pre>{@code
 * SqsEndpoint local = SqsEndpoint.of(URI.create("http://127.0.0.1:4566"))
 *     .withSns(URI.create("http://127.0.0.1:4566")); // LocalStack: SQS and SNS on one port
 * SqsEndpoint aws = SqsEndpoint.aws("eu-west-1");     // the default credentials chain
 * }</pre>
 *
 * @since 0.1
 */
public final class SqsEndpoint {
  /** The access key and secret a local endpoint (ElasticMQ, LocalStack) accepts. */
  private static final String LOCAL_KEY = "test";

  private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(1);

  private final @Nullable URI sqs;
  private final @Nullable URI sns;
  private final boolean awsSns;
  private final String region;
  private final @Nullable String accessKey;
  private final @Nullable String secretKey;
  private final Duration connectTimeout;
  private final boolean localTopics;

  private SqsEndpoint(
      @Nullable URI sqs,
      @Nullable URI sns,
      boolean awsSns,
      String region,
      @Nullable String accessKey,
      @Nullable String secretKey,
      Duration connectTimeout,
      boolean localTopics) {
    this.sqs = sqs;
    this.sns = sns;
    this.awsSns = awsSns;
    this.region = region;
    this.accessKey = accessKey;
    this.secretKey = secretKey;
    this.connectTimeout = connectTimeout;
    this.localTopics = localTopics;
  }

  /**
   * Returns a local endpoint (ElasticMQ, LocalStack) without SNS: region {@code us-east-1}, access
   * key and secret {@code test}.
   *
   * @param uri the endpoint, such as {@code http://127.0.0.1:9324}
   * @return the endpoint
   */
  public static SqsEndpoint of(URI uri) {
    return new SqsEndpoint(
        checkUri("uri", uri),
        null,
        false,
        "us-east-1",
        LOCAL_KEY,
        LOCAL_KEY,
        DEFAULT_CONNECT_TIMEOUT,
        false);
  }

  /**
   * Returns AWS's own SQS and SNS endpoints in {@code region}, with the SDK's default credentials
   * chain (environment, profile, instance role).
   *
   * @param region such as {@code eu-west-1}
   * @return the endpoint
   */
  public static SqsEndpoint aws(String region) {
    return new SqsEndpoint(
        null, null, true, checkRegion(region), null, null, DEFAULT_CONNECT_TIMEOUT, false);
  }

  /**
   * Returns a copy that also has SNS, at {@code uri}; topics are then SNS topics.
   *
   * @param uri the SNS endpoint, such as LocalStack's {@code http://127.0.0.1:4566}
   * @return the copy
   */
  public SqsEndpoint withSns(URI uri) {
    return new SqsEndpoint(
        sqs,
        checkUri("uri", uri),
        false,
        region,
        accessKey,
        secretKey,
        connectTimeout,
        localTopics);
  }

  /**
   * Returns a copy whose topics the bus keeps itself, for endpoints without SNS such as ElasticMQ:
   * {@code subscribe(topic, queue)} is remembered by the {@link SqsBus} and {@code publish} sends
   * the message to each queue subscribed through it, unwrapped (as SNS's raw delivery), recording
   * one publish entry. Topics then live only as long as that bus, are not seen by other clients of
   * the endpoint, take no filter policies, and a publish that fails part-way leaves the message in
   * the queues it reached. An endpoint with SNS ({@link #withSns}, {@link #aws}) uses SNS instead.
   *
   * @return the copy
   */
  public SqsEndpoint withLocalTopics() {
    return new SqsEndpoint(sqs, sns, awsSns, region, accessKey, secretKey, connectTimeout, true);
  }

  /**
   * Tells whether topics are kept by the bus (see {@link #withLocalTopics}) rather than by SNS.
   *
   * @return {@code true} when the endpoint has no SNS and was given {@link #withLocalTopics}
   */
  public boolean hasLocalTopics() {
    return localTopics && !hasSns();
  }

  /**
   * Returns a copy in another region.
   *
   * @param newRegion such as {@code eu-west-1}
   * @return the copy
   */
  public SqsEndpoint withRegion(String newRegion) {
    return new SqsEndpoint(
        sqs,
        sns,
        awsSns,
        checkRegion(newRegion),
        accessKey,
        secretKey,
        connectTimeout,
        localTopics);
  }

  /**
   * Returns a copy that signs with a static access key and secret.
   *
   * @param newAccessKey the access key id
   * @param newSecretKey the secret access key
   * @return the copy
   */
  public SqsEndpoint withCredentials(String newAccessKey, String newSecretKey) {
    return new SqsEndpoint(
        sqs,
        sns,
        awsSns,
        region,
        checkText("accessKey", newAccessKey),
        checkText("secretKey", newSecretKey),
        connectTimeout,
        localTopics);
  }

  /**
   * Returns a copy whose connections give up after {@code timeout}; an endpoint that does not
   * answer fails an operation within about three times this (the SDK tries three times).
   *
   * @param timeout positive, at most 1 min; 1 s unless changed
   * @return the copy
   */
  public SqsEndpoint withConnectTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "connectTimeout must not be null");
    if (timeout.isZero() || timeout.isNegative() || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalArgumentException(
          "connectTimeout must be positive and at most PT1M, was " + timeout);
    }
    return new SqsEndpoint(sqs, sns, awsSns, region, accessKey, secretKey, timeout, localTopics);
  }

  /**
   * Returns the SQS endpoint's URI.
   *
   * @return the URI, or {@code null} for AWS's own endpoint of the region
   */
  public @Nullable URI sqsUri() {
    return sqs;
  }

  /**
   * Returns the SNS endpoint's URI.
   *
   * @return the URI, or {@code null} for AWS's own (when {@link #hasSns()}) or for none
   */
  public @Nullable URI snsUri() {
    return sns;
  }

  /**
   * Tells whether the endpoint has SNS, so that topics work.
   *
   * @return {@code true} for AWS and for endpoints given {@link #withSns}
   */
  public boolean hasSns() {
    return awsSns || sns != null;
  }

  /**
   * Returns the region.
   *
   * @return such as {@code us-east-1}
   */
  public String region() {
    return region;
  }

  /**
   * Returns the static access key.
   *
   * @return the key, or {@code null} for the SDK's default credentials chain
   */
  public @Nullable String accessKey() {
    return accessKey;
  }

  /**
   * Returns the static secret key.
   *
   * @return the secret, or {@code null} for the SDK's default credentials chain
   */
  public @Nullable String secretKey() {
    return secretKey;
  }

  /**
   * Returns how long a connection attempt may take.
   *
   * @return the timeout
   */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /**
   * Names the endpoint as failure texts show it.
   *
   * @return the SQS URI, or {@code AWS SQS <region>}
   */
  @Override
  public String toString() {
    return sqs != null ? sqs.toString() : "AWS SQS " + region;
  }

  private static URI checkUri(String parameter, @Nullable URI uri) {
    Objects.requireNonNull(uri, parameter + " must not be null");
    String scheme = uri.getScheme();
    if (!("http".equals(scheme) || "https".equals(scheme)) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          parameter + " must be an http or https URI with a host, was " + uri);
    }
    return uri;
  }

  private static String checkRegion(@Nullable String region) {
    String checked = checkText("region", region);
    if (!checked.matches("[a-z0-9-]{1,40}")) {
      throw new IllegalArgumentException(
          "region must be lower-case letters, digits and hyphens, such as eu-west-1, was '"
              + checked
              + "'");
    }
    return checked;
  }

  private static String checkText(String parameter, @Nullable String text) {
    Objects.requireNonNull(text, parameter + " must not be null");
    if (text.isBlank()) {
      throw new IllegalArgumentException(parameter + " must not be blank, was '" + text + "'");
    }
    return text;
  }
}
