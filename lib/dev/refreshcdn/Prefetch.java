package dev.refreshcdn;

import dev.refreshcdn.internal.Texts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A prefetch's options ({@code PushUrlsCache}): what {@link Refresh#prefetch()} and the option setters after it
 * record, sent as they are and journaled with the job, so a resumed prefetch asks the same. Immutable.
 */
final class Prefetch {
  /** A prefetch with the service's defaults ({@code UserAgent} TencentCdn, every tier, ranges allowed). */
  static final Prefetch DEFAULT = new Prefetch(null, false, false, false, List.of(), null);
  /** An HTTP header name: an RFC 9110 token. */
  private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";

  final String userAgent;
  final boolean middleLayer;
  final boolean parseM3u8;
  final boolean disableRange;
  /** Name and value of each header, in the order given. */
  final List<List<String>> headers;
  /** A purge of the same URLs first, and how long to wait for its tasks; null for a prefetch alone. */
  final Duration purgeFirst;

  private Prefetch(String userAgent, boolean middleLayer, boolean parseM3u8, boolean disableRange,
      List<List<String>> headers, Duration purgeFirst) {
    this.userAgent = userAgent;
    this.middleLayer = middleLayer;
    this.parseM3u8 = parseM3u8;
    this.disableRange = disableRange;
    this.headers = List.copyOf(headers);
    this.purgeFirst = purgeFirst;
  }

  Prefetch userAgent(String value) {
    checkValue("user agent", value);
    return new Prefetch(value, middleLayer, parseM3u8, disableRange, headers, purgeFirst);
  }

  Prefetch middleLayer() {
    return new Prefetch(userAgent, true, parseM3u8, disableRange, headers, purgeFirst);
  }

  Prefetch parseM3u8() {
    return new Prefetch(userAgent, middleLayer, true, disableRange, headers, purgeFirst);
  }

  Prefetch disableRange() {
    return new Prefetch(userAgent, middleLayer, parseM3u8, true, headers, purgeFirst);
  }

  Prefetch header(String name, String value) {
    if (name == null || !name.matches(TOKEN)) {
      throw new IllegalArgumentException("not an HTTP header name: " + Texts.quote(String.valueOf(name)));
    }
    checkValue("header " + name, value);
    List<List<String>> more = new ArrayList<>(headers);
    more.add(List.of(name, value));
    return new Prefetch(userAgent, middleLayer, parseM3u8, disableRange, more, purgeFirst);
  }

  Prefetch purgeFirst(Duration wait) {
    return new Prefetch(userAgent, middleLayer, parseM3u8, disableRange, headers, wait);
  }

  /** The same options for the prefetch phase alone (a resumed job past its purge). */
  Prefetch withoutPurge() {
    return purgeFirst(null);
  }

  /** A header value (or user agent) goes on one line of the origin's request: no control character but tab. */
  private static void checkValue(String what, String value) {
    if (value == null || value.isBlank() || value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
      throw new IllegalArgumentException(what + " must be text on one line: " + Texts.quote(String.valueOf(value)));
    }
  }

  /** Adds the options that differ from the service's defaults to a {@code PushUrlsCache} body. */
  void addTo(Map<String, Object> payload) {
    if (userAgent != null) {
      payload.put("UserAgent", userAgent);
    }
    if (middleLayer) {
      payload.put("Layer", "middle");
    }
    if (parseM3u8) {
      payload.put("ParseM3U8", true);
    }
    if (disableRange) {
      payload.put("DisableRange", true);
    }
    if (!headers.isEmpty()) {
      List<Map<String, Object>> wire = new ArrayList<>();
      for (List<String> header : headers) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("Name", header.get(0));
        h.put("Value", header.get(1));
        wire.add(h);
      }
      payload.put("Headers", wire);
    }
  }

  /** What {@code job.json} records under {@code prefetch}: every option, and the purge phase's wait in seconds. */
  Map<String, Object> journal() {
    Map<String, Object> job = new LinkedHashMap<>();
    addTo(job);
    if (purgeFirst != null) {
      job.put("purgeFirstWaitSeconds", purgeFirst.getSeconds());
    }
    return job;
  }

  /** The options {@link #journal()} recorded; an IllegalArgumentException names what does not fit. */
  static Prefetch fromJournal(Map<?, ?> job) {
    Prefetch p = DEFAULT;
    if (job.get("UserAgent") != null) {
      p = p.userAgent(String.valueOf(job.get("UserAgent")));
    }
    if ("middle".equals(job.get("Layer"))) {
      p = p.middleLayer();
    }
    if (Boolean.TRUE.equals(job.get("ParseM3U8"))) {
      p = p.parseM3u8();
    }
    if (Boolean.TRUE.equals(job.get("DisableRange"))) {
      p = p.disableRange();
    }
    Object headers = job.get("Headers");
    if (headers != null && !(headers instanceof List)) {
      throw new IllegalArgumentException("Headers is not a list");
    }
    for (Object h : headers == null ? List.of() : (List<?>) headers) {
      if (!(h instanceof Map)) {
        throw new IllegalArgumentException("a header is not an object");
      }
      p = p.header(String.valueOf(((Map<?, ?>) h).get("Name")), String.valueOf(((Map<?, ?>) h).get("Value")));
    }
    Object wait = job.get("purgeFirstWaitSeconds");
    if (wait != null) {
      p = p.purgeFirst(Duration.ofSeconds(Long.parseLong(String.valueOf(wait))));
    }
    return p;
  }

  /**
   * The options for a request preview: those that differ from the service's defaults, headers by name only (a
   * header for the origin may carry a credential of its own).
   */
  String describe() {
    Map<String, Object> shown = new LinkedHashMap<>();
    addTo(shown);
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, Object> option : shown.entrySet()) {
      text.append(", ").append(option.getKey()).append(": ");
      if (option.getKey().equals("Headers")) {
        List<String> names = new ArrayList<>();
        headers.forEach(h -> names.add(h.get(0)));
        text.append(names).append(" (values not shown)");
      } else {
        text.append(option.getValue());
      }
    }
    return text.toString();
  }
}
