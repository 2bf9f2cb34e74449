/** The bus contract on SQS and SNS, and ElasticMQ embedded in the JVM. */
@NullMarked
package dev.vigil.sqs;

import org.jspecify.annotations.NullMarked;
