package dev.refreshcdn;

import java.util.List;

/** The input cannot be planned: bad URLs (each named with its position) or no URL at all. Nothing was sent. */
public final class InvalidInputException extends RefreshException {
  /** How many bad entries the message lists; {@link #invalid()} always has them all. */
  static final int LISTED_IN_MESSAGE = 50;

  private final List<InvalidUrl> invalid;

  InvalidInputException(String message, List<InvalidUrl> invalid) {
    super(message, Progress.NOTHING_SENT, null);
    this.invalid = List.copyOf(invalid);
  }

  static InvalidInputException of(List<InvalidUrl> invalid, int inputCount) {
    StringBuilder message = new StringBuilder()
        .append(invalid.size()).append(" of ").append(inputCount)
        .append(" entries are not valid URLs to refresh; nothing was sent:");
    for (int i = 0; i < invalid.size() && i < LISTED_IN_MESSAGE; i++) {
      message.append("\n  ").append(invalid.get(i));
    }
    if (invalid.size() > LISTED_IN_MESSAGE) {
      message.append("\n  … and ").append(invalid.size() - LISTED_IN_MESSAGE).append(" more");
    }
    return new InvalidInputException(message.toString(), invalid);
  }

  /** Every bad entry, in input order; empty when the input was empty. */
  public List<InvalidUrl> invalid() {
    return invalid;
  }
}
