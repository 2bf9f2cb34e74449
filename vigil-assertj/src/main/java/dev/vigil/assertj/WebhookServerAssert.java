package dev.vigil.assertj;

import dev.vigil.http.WebhookServer;

/**
 * Assertions on the requests a webhook server received; see {@link AbstractWebhookServerAssert}.
 *
 * @since 0.1
 */
public class WebhookServerAssert extends AbstractWebhookServerAssert<WebhookServerAssert> {

  /**
   * Creates assertions on a server; they can wait on its context.
   *
   * @param actual the server
   */
  public WebhookServerAssert(WebhookServer actual) {
    super(actual, WebhookServerAssert.class);
  }
}
