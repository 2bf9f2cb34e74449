package dev.vigil.sqs.internal;

import dev.vigil.bus.BusException;
import dev.vigil.bus.QueueSpec;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;

/**
 * The queues one bus knows: their URLs and ARNs (asked once, then kept), the specs they were
 * created with, and their creation with redrive policies.
 */
public final class QueueDirectory {
  private final SqsClient sqs;
  private final String endpoint;
  private final Map<String, String> urls = new ConcurrentHashMap<>();
  private final Map<String, String> arns = new ConcurrentHashMap<>();
  private final Map<String, QueueSpec> specs = new ConcurrentHashMap<>();

  /**
   * Creates the directory.
   *
   * @param sqs the client
   * @param endpoint the endpoint as failure texts name it
   */
  public QueueDirectory(SqsClient sqs, String endpoint) {
    this.sqs = sqs;
    this.endpoint = endpoint;
  }

  /**
   * Creates a queue, and its dead-letter queue with defaults when missing.
   *
   * @param spec the queue
   * @return its URL
   * @throws BusException when a queue of that name exists with other attributes
   */
  public String create(QueueSpec spec) {
    String deadLetterQueue = spec.deadLetterQueue();
    if (deadLetterQueue != null && !exists(deadLetterQueue)) {
      create(QueueSpec.named(deadLetterQueue));
    }
    String deadLetterArn = deadLetterQueue == null ? null : arn(deadLetterQueue);
    String url;
    try {
      url =
          sqs.createQueue(
                  b -> b.queueName(spec.name()).attributes(QueueAttributes.of(spec, deadLetterArn)))
              .queueUrl();
    } catch (QueueNameExistsException other) {
      throw Failures.of(
          endpoint,
          "create queue '"
              + spec.name()
              + "' (it exists with other attributes; as asked: "
              + spec
              + ")",
          other);
    } catch (SdkException | UncheckedIOException failure) {
      throw Failures.of(endpoint, "create queue '" + spec.name() + "'", failure);
    }
    urls.put(spec.name(), url);
    specs.put(spec.name(), spec);
    return url;
  }

  /**
   * Creates a queue with SQS's defaults unless one of that name exists, whatever its attributes.
   *
   * @param queue the queue
   * @return its URL
   */
  public String ensure(String queue) {
    return exists(queue) ? url(queue) : create(QueueSpec.named(queue));
  }

  /**
   * Returns a queue's URL, asking the endpoint the first time.
   *
   * @param queue the queue
   * @return the URL
   * @throws BusException naming the queue when it does not exist
   */
  public String url(String queue) {
    String known = urls.get(queue);
    if (known != null) {
      return known;
    }
    try {
      String url = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
      urls.put(queue, url);
      return url;
    } catch (QueueDoesNotExistException missing) {
      throw Failures.unknownQueue(endpoint, queue);
    } catch (SdkException | UncheckedIOException failure) {
      throw Failures.of(endpoint, "find queue '" + queue + "'", failure);
    }
  }

  /**
   * Forgets a queue's URL, after the endpoint said it no longer exists.
   *
   * @param queue the queue
   */
  public void forget(String queue) {
    urls.remove(queue);
    arns.remove(queue);
    specs.remove(queue);
  }

  private boolean exists(String queue) {
    try {
      url(queue);
      return true;
    } catch (BusException missing) {
      if (missing.getCause() != null) {
        throw missing; // unreachable, not missing
      }
      return false;
    }
  }

  /**
   * Returns a queue's ARN.
   *
   * @param queue the queue
   * @return the ARN
   */
  public String arn(String queue) {
    String known = arns.get(queue);
    if (known != null) {
      return known;
    }
    String arn =
        attributes(queue, List.of(QueueAttributeName.QUEUE_ARN)).get(QueueAttributeName.QUEUE_ARN);
    if (arn == null) {
      throw new BusException("SQS endpoint " + endpoint + " gave no ARN for queue '" + queue + "'");
    }
    arns.put(queue, arn);
    return arn;
  }

  /**
   * Returns the spec a queue was created with, or for one this bus did not create, the spec its
   * attributes describe.
   *
   * @param queue the queue
   * @return the spec
   */
  public QueueSpec spec(String queue) {
    QueueSpec known = specs.get(queue);
    if (known != null) {
      return known;
    }
    QueueSpec read =
        QueueAttributes.toSpec(queue, attributes(queue, List.of(QueueAttributeName.ALL)));
    specs.put(queue, read);
    return read;
  }

  /**
   * Returns some attributes of a queue.
   *
   * @param queue the queue
   * @param names the attributes
   * @return their values
   */
  public Map<QueueAttributeName, String> attributes(String queue, List<QueueAttributeName> names) {
    String url = url(queue);
    try {
      return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(names)).attributes();
    } catch (QueueDoesNotExistException gone) {
      forget(queue);
      throw Failures.unknownQueue(endpoint, queue);
    } catch (SdkException | UncheckedIOException failure) {
      throw Failures.of(endpoint, "read the attributes of queue '" + queue + "'", failure);
    }
  }

  /**
   * Sets one attribute of a queue.
   *
   * @param url the queue's URL
   * @param queue the queue's name, for failure texts
   * @param name the attribute
   * @param value its value
   */
  public void setAttribute(String url, String queue, QueueAttributeName name, String value) {
    try {
      sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(name, value)));
    } catch (SdkException | UncheckedIOException failure) {
      throw Failures.of(endpoint, "set " + name + " of queue '" + queue + "'", failure);
    }
  }

  /**
   * Returns the queue's dead-letter queue when it has one.
   *
   * @param queue the queue
   * @return the dead-letter queue's name, or {@code null}
   */
  public @Nullable String deadLetterQueue(String queue) {
    return spec(queue).deadLetterQueue();
  }

  /**
   * Returns the names of the queues this bus created or used.
   *
   * @return the names, sorted
   */
  public Set<String> names() {
    return Collections.unmodifiableSet(new TreeSet<>(urls.keySet()));
  }
}
