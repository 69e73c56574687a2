package dev.refreshcdn;

/**
 * No SecretId/SecretKey was given and the environment has none; the message names where it looked.
 * Nothing was sent: when a plan was being submitted, all its URLs are in {@link #unsentUrls()}.
 */
public final class MissingCredentialsException extends RefreshException {
  MissingCredentialsException(String message) {
    super(message, Progress.NOTHING_SENT, null);
  }

  MissingCredentialsException(MissingCredentialsException e, Progress progress) {
    super(e.getMessage(), progress, e);
  }
}
