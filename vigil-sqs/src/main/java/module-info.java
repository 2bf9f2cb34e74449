/**
 * The bus contract on SQS and SNS ({@code dev.vigil.sqs}): {@code SqsBus} drives any endpoint (AWS,
 * LocalStack, ElasticMQ) through the AWS SDK v2, and {@code EmbeddedSqs} starts ElasticMQ in the
 * JVM. ElasticMQ is reached by reflection, as its jars derive no module name: it stays on the class
 * path.
 */
module dev.vigil.sqs {
  requires transitive dev.vigil.bus;
  requires software.amazon.awssdk.services.sqs;
  requires software.amazon.awssdk.services.sns;
  requires software.amazon.awssdk.http.urlconnection;
  requires software.amazon.awssdk.http;
  requires software.amazon.awssdk.core;
  requires software.amazon.awssdk.awscore;
  requires software.amazon.awssdk.auth;
  requires software.amazon.awssdk.identity.spi;
  requires software.amazon.awssdk.regions;
  requires software.amazon.awssdk.retries.api;
  requires software.amazon.awssdk.retries;

  exports dev.vigil.sqs;
}
