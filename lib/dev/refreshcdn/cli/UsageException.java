package dev.refreshcdn.cli;

/** A problem the user can fix, such as a missing file or credentials: printed as one message, nothing sent. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with the message the user will read. */
  public UsageException(String message) {
    super(message);
  }
}
