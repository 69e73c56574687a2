package dev.refreshcdn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Checks, trims and de-duplicates the input before anything is sent: what the service would refuse is
 * caught here, with the entry's position, so no request (and no quota) is spent on it.
 */
final class UrlCheck {
  private final boolean ignoreQuery;
  private final int maxEncodedLength;

  /** The accepted URLs in first-seen order, the refused entries, and how many duplicates were dropped. */
  static final class Result {
    final List<String> urls;
    final List<InvalidUrl> invalid;
    final int duplicates;
    final int inputCount;

    Result(List<String> urls, List<InvalidUrl> invalid, int duplicates, int inputCount) {
      this.urls = Collections.unmodifiableList(urls);
      this.invalid = List.copyOf(invalid);
      this.duplicates = duplicates;
      this.inputCount = inputCount;
    }
  }

  UrlCheck(boolean ignoreQuery, int maxEncodedLength) {
    this.ignoreQuery = ignoreQuery;
    this.maxEncodedLength = maxEncodedLength;
  }

  Result check(List<String> input) {
    List<String> urls = new ArrayList<>(input.size());
    List<InvalidUrl> invalid = new ArrayList<>();
    FingerprintSet seen = new FingerprintSet();
    int position = 0;
    for (String entry : input) {
      position++;
      String url = entry == null ? null : entry.strip();
      String problem = problem(url);
      if (problem != null) {
        invalid.add(new InvalidUrl(position, entry, problem));
        continue;
      }
      if (ignoreQuery) {
        url = withoutQuery(url);
      }
      if (seen.add(url)) {
        urls.add(url);
      }
    }
    int duplicates = input.size() - invalid.size() - urls.size();
    return new Result(urls, invalid, duplicates, input.size());
  }

  /** Why the service would refuse {@code url} (already trimmed), or null when it is acceptable. */
  String problem(String url) {
    if (url == null) {
      return "is null";
    }
    if (url.isEmpty()) {
      return "is blank";
    }
    int authorityStart;
    if (url.startsWith("https://")) {
      authorityStart = 8;
    } else if (url.startsWith("http://")) {
      authorityStart = 7;
    } else {
      return "must start with http:// or https://";
    }
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c <= 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        return "contains whitespace or a control character at column " + (i + 1)
            + " (percent-encode it, e.g. %20 for a space)";
      }
    }
    String hostProblem = hostProblem(url, authorityStart);
    if (hostProblem != null) {
      return hostProblem;
    }
    int encoded = PercentEncoding.encodedLength(url);
    if (encoded > maxEncodedLength) {
      return "is too long: " + encoded + " bytes once encoded, a request holds at most " + maxEncodedLength;
    }
    return null;
  }

  private static String hostProblem(String url, int start) {
    int end = start;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    String authority = url.substring(start, end);
    if (authority.indexOf('@') >= 0) {
      return "must not carry user information (user@host)";
    }
    String host = authority;
    String port = null;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        return "has an unclosed IPv6 host";
      }
      host = authority.substring(0, close + 1);
      if (close + 1 < authority.length()) {
        if (authority.charAt(close + 1) != ':') {
          return "has an invalid host";
        }
        port = authority.substring(close + 2);
      }
    } else if (authority.indexOf(':') >= 0) {
      host = authority.substring(0, authority.indexOf(':'));
      port = authority.substring(authority.indexOf(':') + 1);
    }
    if (host.isEmpty()) {
      return "has no host";
    }
    if (host.startsWith(".") || host.contains("..")) {
      return "has an invalid host: " + Texts.quote(host);
    }
    if (port != null && !validPort(port)) {
      return "has an invalid port: " + Texts.quote(port);
    }
    return null;
  }

  private static boolean validPort(String port) {
    if (port.isEmpty() || port.length() > 5) {
      return false;
    }
    for (int i = 0; i < port.length(); i++) {
      if (port.charAt(i) < '0' || port.charAt(i) > '9') {
        return false;
      }
    }
    int value = Integer.parseInt(port);
    return value >= 1 && value <= 65535;
  }

  /** The URL without its query string and fragment, as a cache that ignores query strings keys it. */
  static String withoutQuery(String url) {
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '?' || c == '#') {
        return url.substring(0, i);
      }
    }
    return url;
  }
}
