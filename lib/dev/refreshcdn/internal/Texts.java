package dev.refreshcdn.internal;

/** Text for messages: quoting input, cutting long text, hiding secrets, counting in words. */
public final class Texts {
  private Texts() {}

  /** Quotes a value for a message, showing control characters so a stray tab or CR is visible. */
  public static String quote(String value) {
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
  public static String excerpt(String text, int max) {
    String oneLine = text.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "…";
  }

  /**
   * A URL with any {@code user:password@} in its authority replaced by {@code ***@}, so a message cannot show a
   * password; a value without {@code ://} is returned as it is (it is no URL to hide anything in).
   */
  public static String withoutUserInfo(String url) {
    if (url == null) {
      return null;
    }
    int start = url.indexOf("://");
    if (start < 0) {
      return url;
    }
    int end = start + 3;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    int at = url.lastIndexOf('@', end - 1);
    return at < start ? url : url.substring(0, start + 3) + "***" + url.substring(at);
  }

  /**
   * A proxy setting as it may be shown: like {@link #withoutUserInfo(String)}, but the setting may lack a scheme
   * ({@code user:pw@host:3128}) and is not a URL one can trust to be well formed, so everything before its last
   * {@code @} (after any scheme) is hidden.
   */
  public static String proxyWithoutUserInfo(String value) {
    int at = value.lastIndexOf('@');
    if (at < 0) {
      return value;
    }
    int scheme = value.indexOf("://");
    return (scheme < 0 || scheme > at ? "" : value.substring(0, scheme + 3)) + "***" + value.substring(at);
  }

  /** {@code 1 URL}, {@code 2 URLs}, {@code 1 directory}, {@code 0 directories}. */
  public static String count(long n, boolean directories) {
    return n + (directories ? (n == 1 ? " directory" : " directories") : (n == 1 ? " URL" : " URLs"));
  }

  /**
   * A duration as a person types it, e.g. on the command line: {@code 10m}, {@code 1m30s}, {@code 1.5s}, {@code 500ms}, {@code 1h};
   * never ISO-8601's {@code PT10M} or a count of milliseconds. Below a millisecond counts as {@code 0s}.
   */
  public static String duration(java.time.Duration duration) {
    long millis = Math.abs(duration.toMillis());
    if (millis == 0) {
      return "0s";
    }
    StringBuilder text = new StringBuilder(duration.isNegative() ? "-" : "");
    long[] sizes = {3_600_000, 60_000};
    String[] units = {"h", "m"};
    for (int i = 0; i < sizes.length; i++) {
      if (millis >= sizes[i]) {
        text.append(millis / sizes[i]).append(units[i]);
        millis %= sizes[i];
      }
    }
    long seconds = millis / 1000;
    long fraction = millis % 1000;
    if (seconds > 0 && fraction > 0) { // 1.5s, not 1s500ms
      text.append(seconds).append('.').append(String.format("%03d", fraction).replaceAll("0+$", "")).append('s');
    } else if (seconds > 0) {
      text.append(seconds).append('s');
    } else if (fraction > 0) {
      text.append(fraction).append("ms");
    }
    return text.toString();
  }

  /** {@code 1 task}, {@code 2 tasks}, {@code 2 entries}: {@code n} and a regular English noun. */
  public static String plural(long n, String noun) {
    if (n == 1) {
      return n + " " + noun;
    }
    int last = noun.length() - 1;
    boolean consonantY = last > 0 && noun.charAt(last) == 'y' && "aeiou".indexOf(noun.charAt(last - 1)) < 0;
    return n + " " + (consonantY ? noun.substring(0, last) + "ies" : noun + "s");
  }

  /**
   * A SecretId as it may be shown: its first four and last four characters; {@code ****} for one of eight
   * characters or fewer, which would show too much of itself. Callers with other rules for short ids (the
   * emulator's log) apply them before calling.
   */
  public static String maskId(String secretId) {
    if (secretId.length() <= 8) {
      return "****";
    }
    return secretId.substring(0, 4) + "****" + secretId.substring(secretId.length() - 4);
  }
}
