package dev.vigil.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/** A {@link JsonField} checked against a request's body, for {@link RequestMatcher}. */
final class JsonFieldCheck {
  private final JsonField field;

  JsonFieldCheck(String path, @Nullable Object expected) {
    this.field = JsonField.of(path, expected);
  }

  /** Returns why the request does not match, or {@code null} when it does. */
  @Nullable String mismatch(RecordedRequest request) {
    if (request.bodySize() == 0) {
      return "body is empty";
    }
    JsonNode body;
    try {
      body = request.jsonTree();
    } catch (BodyDecodingException e) {
      return "body is not JSON";
    }
    String mismatch = field.mismatch(body);
    if (mismatch == null || body.at(field.pointer()).isMissingNode()) {
      return mismatch;
    }
    return mismatch + ", expected " + field.expected();
  }

  @Override
  public String toString() {
    return field.expectation();
  }
}
