package dev.refreshcdn;

/** No SecretId/SecretKey was given and the environment has none; the message names where it looked. */
public final class MissingCredentialsException extends RefreshException {
  MissingCredentialsException(String message) {
    super(message, Progress.NOTHING_SENT, null);
  }
}
