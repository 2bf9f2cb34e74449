package dev.vigil.http.internal;

import org.jspecify.annotations.Nullable;

/** Receives what the connections read: requests to answer and requests rejected on the wire. */
public interface ExchangeHandler {

  /**
   * Records a request and decides its response (recording that too); may block for a scripted
   * delay.
   *
   * @param request the request read
   * @param secure whether it came over TLS
   * @return what to write back
   */
  WireResponse handle(WireRequest request, boolean secure);

  /**
   * Records a request or connection that could not be served.
   *
   * @param status the status answered, or 0 when nothing could be answered
   * @param reason what went wrong
   * @param method the method, if known
   * @param path the path, if known
   */
  void rejected(int status, String reason, @Nullable String method, @Nullable String path);
}
