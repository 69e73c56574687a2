package dev.refreshcdn;

import dev.refreshcdn.internal.Texts;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text that came from the network, made safe to show. A server or proxy may echo the request it got (an
 * HTTP 400 with the body, a refusal quoting it, an API 3.0 {@code Error.Message} holding the headers), so
 * the SecretKey, the session token, any signature and the {@code Authorization} header are cut out; and it
 * may send terminal escapes, so control characters are shown escaped. {@link Transport} cleans every text
 * it hands on: whoever prints, logs or journals a message, a code or an excerpt gets clean text.
 */
final class NetworkText {
  /** How much of an answer an error message quotes. */
  static final int EXCERPT_LENGTH = 200;
  static final String REDACTED = "<redacted>";
  /**
   * A signature or token parameter or header, in a query, a form, a header dump or JSON, encoded or not:
   * its value goes whatever it is, so a signature of an earlier attempt or a token encoded twice goes too.
   */
  private static final Pattern PARAMETER = Pattern.compile(
      "(?i)((?:Signature|Token)(?:[\"']?\\s*[=:]\\s*[\"']?|%3D))[^&\\s,;\"'<>]+");
  /** An Authorization header, or TC3's credential standing alone: the rest of its line goes. */
  private static final Pattern AUTHORIZATION = Pattern.compile(
      "(?i)((?:Authorization[\"']?\\s*[=:]\\s*[\"']?)|TC3-HMAC-SHA256\\s+)[^\\s\"'<>][^\\r\\n\"'<>]*");

  private static final Pattern PERCENT_ESCAPE = Pattern.compile("%[0-9A-F]{2}");

  /** Each secret with the forms it may come back in, longest first; each maps to what is shown instead. */
  private final Map<String, String> secrets;

  /** For answers to {@code request}, signed with {@code credentials} (null when the caller has none). */
  NetworkText(Credentials credentials, EncodedRequest request) {
    List<String> values = new ArrayList<>();
    Map<String, String> shown = new LinkedHashMap<>();
    if (credentials != null) {
      values.add(credentials.secretKey());
      values.add(credentials.token());
      forms(credentials.secretId()).forEach(form -> shown.put(form, Texts.maskId(credentials.secretId())));
    }
    if (request != null) {
      String authorization = request.headers.get("Authorization");
      values.add(authorization);
      values.add(parameter(authorization, ", ", "Signature"));
      values.add(parameter(request.uri.getRawQuery(), "&", "Signature"));
      // Only a legacy form carries a Signature parameter; a JSON body (up to 10 MB) is not read for one.
      boolean form = request.body != null && !String.valueOf(request.contentType).startsWith("application/json");
      values.add(form ? parameter(new String(request.body, 0, request.size, StandardCharsets.UTF_8), "&", "Signature")
          : null);
    }
    for (String value : values) {
      forms(value).forEach(form -> shown.put(form, REDACTED));
    }
    List<String> longestFirst = new ArrayList<>(shown.keySet());
    longestFirst.sort(Comparator.comparingInt(String::length).reversed());
    this.secrets = new LinkedHashMap<>();
    longestFirst.forEach(form -> secrets.put(form, shown.get(form)));
  }

  /**
   * A network failure the JDK left without a message ({@code root}, at the end of {@code failure}'s causes), said as
   * a person would: a connect that failed on a closed channel was refused, an unresolved name is not found; never a
   * bare class name such as {@code ClosedChannelException} when words exist for it.
   */
  static String unnamed(Throwable failure, Throwable root) {
    if (root instanceof java.nio.channels.UnresolvedAddressException || root instanceof java.net.UnknownHostException) {
      return "host name not found";
    }
    if (failure instanceof java.net.ConnectException) {
      return "connection refused";
    }
    if (root instanceof java.nio.channels.ClosedChannelException || root instanceof java.io.EOFException) {
      return "connection closed";
    }
    return root.getClass().getSimpleName();
  }

  /** {@code text} without secrets and with control characters escaped; null stays null. */
  String clean(String text) {
    return text == null ? null : escape(scrub(text));
  }

  /**
   * A one-line excerpt of a body that may have been {@code cut} short: cleaned before it is cut, so no
   * secret shows in part; when the read was cut, a secret cut in half at its end is dropped with it.
   */
  String excerpt(String body, boolean cut) {
    String text = body;
    if (cut) {
      int longest = secrets.keySet().stream().mapToInt(String::length).max().orElse(0);
      text = text.substring(0, Math.max(0, text.length() - longest));
    }
    return escape(Texts.excerpt(scrub(text), NetworkText.EXCERPT_LENGTH));
  }

  /** A parsed JSON value with every string in it, keys included, {@linkplain #clean cleaned}. */
  Object clean(Object json) {
    if (json instanceof String) {
      return clean((String) json);
    }
    if (json instanceof Map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      ((Map<?, ?>) json).forEach((key, value) -> copy.put(clean(String.valueOf(key)), clean(value)));
      return copy;
    }
    if (json instanceof List) {
      List<Object> copy = new ArrayList<>();
      ((List<?>) json).forEach(item -> copy.add(clean(item)));
      return copy;
    }
    return json;
  }

  private String scrub(String text) {
    String out = text;
    for (Map.Entry<String, String> secret : secrets.entrySet()) {
      out = out.replace(secret.getKey(), secret.getValue());
    }
    out = replace(AUTHORIZATION, out);
    return replace(PARAMETER, out);
  }

  private static String replace(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    return matcher.find() ? matcher.replaceAll(m -> Matcher.quoteReplacement(m.group(1) + REDACTED)) : text;
  }

  /**
   * Control characters (C0, DEL, C1), bidirectional overrides and line separators as {@code \}{@code uXXXX}, so
   * a text cannot move the cursor, recolour the terminal or reorder what is shown.
   */
  static String escape(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = Character.isISOControl(c) || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069
          || c == 0x2028 || c == 0x2029 || c == 0x200e || c == 0x200f || c == 0x061c;
      if (control && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (control) {
        out.append(String.format("\\u%04x", (int) c));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  /** The forms a secret may come back in: as sent, percent-encoded either case, form-encoded, JSON-escaped. */
  private static Set<String> forms(String value) {
    Set<String> forms = new LinkedHashSet<>();
    if (value == null || value.isEmpty()) {
      return forms;
    }
    ByteSink encoded = new ByteSink(value.length() * 3);
    PercentEncoding.encode(value, encoded);
    forms.add(value);
    forms.add(encoded.toString());
    forms.add(lowerHex(encoded.toString()));
    forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
    forms.add(value.replace("/", "\\/"));
    return forms;
  }

  private static String lowerHex(String encoded) {
    return PERCENT_ESCAPE.matcher(encoded).replaceAll(m -> m.group().toLowerCase(Locale.ROOT));
  }

  /** The decoded value of {@code name} in {@code text} split by {@code separator}, or null when absent. */
  private static String parameter(String text, String separator, String name) {
    String key = name + "=";
    if (text == null) {
      return null;
    }
    boolean first = text.startsWith(key);
    int at = first ? 0 : text.indexOf(separator + key);
    if (at < 0) {
      return null;
    }
    int start = first ? key.length() : at + separator.length() + key.length();
    int end = text.indexOf(separator, start);
    return URLDecoder.decode(text.substring(start, end < 0 ? text.length() : end), StandardCharsets.UTF_8);
  }
}
