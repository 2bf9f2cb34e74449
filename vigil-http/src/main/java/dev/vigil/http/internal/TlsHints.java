package dev.vigil.http.internal;

import javax.net.ssl.SSLException;

/** Turns the JDK's terse TLS failures into a hint of what the sender got wrong. */
final class TlsHints {
  private TlsHints() {}

  static String hint(SSLException failure) {
    String message = String.valueOf(failure.getMessage()).toLowerCase(java.util.Locale.ROOT);
    if (message.contains("unrecognized") || message.contains("plaintext")) {
      return " (the sender spoke plain HTTP to the HTTPS server: use https:// from uri(...))";
    }
    if (message.contains("certificate_unknown")
        || message.contains("unknown_ca")
        || message.contains("terminated the handshake")) {
      return " (the sender does not trust the generated certificate:"
          + " give it WebhookServer.clientSslContext())";
    }
    return "";
  }
}
