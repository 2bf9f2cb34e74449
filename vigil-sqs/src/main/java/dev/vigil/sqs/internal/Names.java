package dev.vigil.sqs.internal;

import java.util.Objects;
import java.util.regex.Pattern;

/** The checks of names and handles an SQS bus makes before it asks the endpoint. */
public final class Names {
  private static final Pattern QUEUE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}(\\.fifo)?");
  private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}(\\.fifo)?");

  private Names() {}

  /**
   * Checks a queue name.
   *
   * @param parameter the parameter's name, for the message
   * @param name the name
   * @return the name
   */
  public static String checkQueue(String parameter, String name) {
    Objects.requireNonNull(name, parameter + " must not be null");
    if (!QUEUE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          parameter
              + " must be 1-80 letters, digits, hyphens or underscores (plus .fifo), was '"
              + name
              + "'");
    }
    return name;
  }

  /**
   * Checks a topic name.
   *
   * @param parameter the parameter's name, for the message
   * @param name the name
   * @return the name
   */
  public static String checkTopic(String parameter, String name) {
    Objects.requireNonNull(name, parameter + " must not be null");
    if (!TOPIC_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          parameter
              + " must be 1-256 letters, digits, hyphens or underscores (plus .fifo), was '"
              + name
              + "'");
    }
    return name;
  }

  /**
   * Checks a receipt handle.
   *
   * @param receiptHandle the handle
   * @return the handle
   */
  public static String checkHandle(String receiptHandle) {
    Objects.requireNonNull(receiptHandle, "receiptHandle must not be null");
    if (receiptHandle.isBlank()) {
      throw new IllegalArgumentException(
          "receiptHandle must not be blank, was '" + receiptHandle + "'");
    }
    return receiptHandle;
  }
}
