/** The SDK clients, queue directory, message mapping, consumers and ElasticMQ launcher. */
@NullMarked
package dev.vigil.sqs.internal;

import org.jspecify.annotations.NullMarked;
