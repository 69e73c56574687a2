package dev.refreshcdn.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.refreshcdn.emulator.Emulator.Region;

/** Checks submitted URLs against an account's domains; both APIs share the rules and map problems to their codes. */
final class Targets {
  enum Problem { NOT_HTTP, NO_SUCH_HOST, OFFLINE, AREA_MISMATCH }

  /** Either the accepted targets or the first problem found, with the URL that caused it. */
  static final class Result {
    final List<Target> targets;
    final Problem problem;
    final String culprit;

    private Result(List<Target> targets, Problem problem, String culprit) {
      this.targets = targets;
      this.problem = problem;
      this.culprit = culprit;
    }

    boolean ok() {
      return problem == null;
    }
  }

  private Targets() {
  }

  /**
   * Resolves each URL to a domain of the account. {@code area} is the area the request asked for (global only
   * for a prefetch), or null for the domain's own; {@code urlEncode} percent-encodes non-ASCII characters first, as API 3.0's
   * UrlEncode does. A domain that ignores the query string is recorded without it, like its cache key.
   */
  static Result resolve(Tenant account, List<String> urls, Region area, boolean urlEncode) {
    List<Target> targets = new ArrayList<>();
    for (String raw : urls) {
      String url = urlEncode ? encodeNonAscii(raw) : raw;
      String lower = url.toLowerCase(Locale.ROOT);
      if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
        return new Result(List.of(), Problem.NOT_HTTP, raw);
      }
      Optional<Domain> domain = account.find(host(url));
      if (domain.isEmpty()) {
        return new Result(List.of(), Problem.NO_SUCH_HOST, raw);
      }
      Domain d = domain.get();
      if (!d.purgeable()) {
        return new Result(List.of(), Problem.OFFLINE, raw);
      }
      if (area != null && !d.servesIn(area)) {
        return new Result(List.of(), Problem.AREA_MISMATCH, raw);
      }
      String recorded = d.filterQuery ? stripQuery(url) : url;
      // A prefetch may name global (the domain must be global then): charged to both areas, as d.areas() is.
      targets.add(new Target(recorded, d, area == null || area == Region.GLOBAL ? d.areas() : List.of(area)));
    }
    return new Result(List.copyOf(targets), null, null);
  }

  /** The host of an http(s) URL without user info and port, lower-cased. */
  static String host(String url) {
    int start = url.indexOf("://") + 3;
    int end = url.length();
    for (char c : new char[] {'/', '?', '#'}) {
      int i = url.indexOf(c, start);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    String authority = url.substring(start, end);
    authority = authority.substring(authority.lastIndexOf('@') + 1);
    int colon = authority.lastIndexOf(':');
    if (colon >= 0 && !authority.endsWith("]")) {
      authority = authority.substring(0, colon);
    }
    return authority.toLowerCase(Locale.ROOT);
  }

  static String stripQuery(String url) {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }

  private static String encodeNonAscii(String url) {
    StringBuilder sb = new StringBuilder();
    for (byte b : url.getBytes(StandardCharsets.UTF_8)) {
      if (b >= 0x21 && b < 0x7f) {
        sb.append((char) b);
      } else {
        sb.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return sb.toString();
  }
}
