package dev.refreshcdn;

/** Small helpers for messages: quoting input and cutting long text. */
final class Texts {
  private Texts() {}

  /** Quotes a value for a message, showing control characters so a stray tab or CR is visible. */
  static String quote(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length() && out.length() < 200; i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (out.length() >= 200) {
      out.append("…");
    }
    return out.append('"').toString();
  }

  /** At most {@code max} characters of {@code text}, with an ellipsis when cut. */
  static String excerpt(String text, int max) {
    String oneLine = text.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "…";
  }

  /** A SecretId as it may be shown: its first four and last four characters. */
  static String maskId(String secretId) {
    if (secretId.length() <= 8) {
      return "****";
    }
    return secretId.substring(0, 4) + "****" + secretId.substring(secretId.length() - 4);
  }
}
