package dev.refreshcdn;

import dev.refreshcdn.internal.Texts;
import java.util.Locale;
import java.util.Objects;

/** One input entry that cannot be refreshed, with its 1-based position in the input and why. */
public final class InvalidUrl {
  private final int position;
  private final String value;
  /** The reason, or with {@link #column} > 0 its template, whose {@code %d} is the column. */
  private final String reason;
  private final int column;

  InvalidUrl(int position, String value, String reason) {
    this(position, value, reason, 0);
  }

  /** A bad entry whose reason names a 1-based column: {@code template} has a {@code %d} for it. */
  InvalidUrl(int position, String value, String template, int column) {
    this.position = position;
    this.value = value;
    this.reason = Objects.requireNonNull(template);
    this.column = column;
  }

  /** The entry's 1-based position in the input as given (a line number for a file of one URL a line). */
  public int position() {
    return position;
  }

  /** The entry as given, or {@code null} when the entry was null. */
  public String value() {
    return value;
  }

  /** The entry as a message may show it: quoted, control characters made visible, a {@code user:password@} masked. */
  public String shown() {
    return Texts.quote(masked());
  }

  /** The entry as given but for a {@code user:password@}, masked as {@code ***@}: for machine-readable reports. */
  public String masked() {
    return Texts.withoutUserInfo(value);
  }

  /** Why the entry was refused, e.g. {@code must start with http:// or https://}. */
  public String reason() {
    return column > 0 ? String.format(Locale.ROOT, reason, column) : reason;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof InvalidUrl)) {
      return false;
    }
    InvalidUrl that = (InvalidUrl) o;
    return position == that.position && Objects.equals(value, that.value) && reason().equals(that.reason());
  }

  @Override
  public int hashCode() {
    return Objects.hash(position, value, reason());
  }

  @Override
  public String toString() {
    return "#" + position + " " + shown() + ": " + reason();
  }
}
