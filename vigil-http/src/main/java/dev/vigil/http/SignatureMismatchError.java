package dev.vigil.http;

/**
 * A request's webhook signature was missing, malformed, wrong or, under Stripe's scheme, signed too
 * long before or after the request arrived. The message shows the request, the scheme, the secret's
 * label or masked form, the exact bytes that should have been signed, the expected and received
 * signatures, and which near variant of those bytes the sender signed, if any.
 *
 * @since 0.1
 */
public final class SignatureMismatchError extends AssertionError {
  private static final long serialVersionUID = 1L;

  SignatureMismatchError(String message) {
    super(message);
  }
}
