package dev.vigil.assertj;

import dev.vigil.http.RecordedRequest;

/**
 * Assertions on a captured request; see {@link AbstractRecordedRequestAssert}.
 *
 * @since 0.1
 */
public class RecordedRequestAssert extends AbstractRecordedRequestAssert<RecordedRequestAssert> {

  /**
   * Creates assertions on a request.
   *
   * @param actual the request
   */
  public RecordedRequestAssert(RecordedRequest actual) {
    super(actual, RecordedRequestAssert.class);
  }
}
