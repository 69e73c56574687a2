package dev.refreshcdn.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Decodes query strings, urlencoded bodies and multipart/form-data bodies into name/value maps. */
final class Forms {
  private static final Pattern BOUNDARY = Pattern.compile("boundary=(\"([^\"]+)\"|([^;\\s]+))", Pattern.CASE_INSENSITIVE);
  private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

  private Forms() {
  }

  /**
   * Decodes {@code a=1&b=x+y%20z}: '+' is a space and %XX escapes are UTF-8, as PHP does; a repeated name
   * keeps its last value, again as PHP does.
   *
   * @throws IllegalArgumentException on a malformed escape
   */
  static Map<String, String> urlencoded(String raw) {
    Map<String, String> params = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return params;
  }

  static boolean isMultipart(String contentType) {
    return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
  }

  /**
   * Decodes multipart/form-data: each part's {@code name} and its body as UTF-8 text (files are not
   * expected in refresh calls, so they are read as text too).
   *
   * @throws IllegalArgumentException when the boundary is missing or the body does not follow it
   */
  static Map<String, String> multipart(byte[] body, String contentType) {
    Matcher b = BOUNDARY.matcher(contentType);
    if (!b.find()) {
      throw new IllegalArgumentException("multipart/form-data without a boundary");
    }
    String boundary = "--" + (b.group(2) != null ? b.group(2) : b.group(3));
    // ISO-8859-1 maps bytes to chars one to one, so offsets stay byte offsets and UTF-8 survives the trip.
    String text = new String(body, StandardCharsets.ISO_8859_1);
    Map<String, String> params = new LinkedHashMap<>();
    int at = text.indexOf(boundary);
    if (at < 0) {
      throw new IllegalArgumentException("multipart body does not contain its boundary");
    }
    while (true) {
      int start = at + boundary.length();
      if (text.startsWith("--", start)) {
        return params;
      }
      int next = text.indexOf("\r\n" + boundary, start);
      if (next < 0) {
        throw new IllegalArgumentException("multipart body is not terminated by its boundary");
      }
      addPart(text.substring(start, next), params);
      at = next + 2;
    }
  }

  private static void addPart(String part, Map<String, String> params) {
    String p = part.startsWith("\r\n") ? part.substring(2) : part;
    int headersEnd = p.indexOf("\r\n\r\n");
    if (headersEnd < 0) {
      throw new IllegalArgumentException("multipart part without headers");
    }
    Matcher name = NAME.matcher(p.substring(0, headersEnd));
    if (!name.find()) {
      throw new IllegalArgumentException("multipart part without a name");
    }
    params.put(utf8(name.group(1)), utf8(p.substring(headersEnd + 4)));
  }

  private static String utf8(String latin1) {
    return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }
}
