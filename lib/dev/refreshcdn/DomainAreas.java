package dev.refreshcdn;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where an account's domains are accelerated, as API 3.0's {@code DescribeDomains} lists them: the area a purge
 * without {@code Area} is charged to. Asked once per job, only when it would change the plan; any refusal (a
 * sub-account may purge without leave to list domains) or failure leaves the areas unknown, never stops the job.
 */
final class DomainAreas {
  /** The action, and its documented largest page (the default is 100). */
  static final String ACTION = "DescribeDomains";
  static final int PAGE_SIZE = 1000;
  /** An account with more domains than this many pages is not listed further: the rest stay unknown. */
  private static final int MAX_PAGES = 20;
  static final Duration INTERVAL = Duration.ofMillis(50);

  private DomainAreas() {}

  /** The hosts of {@code urls}, lower-cased, in sorted order. */
  static Set<String> hosts(Collection<String> urls) {
    Set<String> hosts = new TreeSet<>();
    for (String url : urls) {
      try {
        String host = URI.create(url).getHost();
        if (host != null) {
          hosts.add(host.toLowerCase(Locale.ROOT));
        }
      } catch (IllegalArgumentException e) {
        hosts.add(url); // not a java.net.URI (a checked URL may hold characters it refuses): matches no domain
      }
    }
    return hosts;
  }

  /**
   * The areas ({@code mainland}, {@code overseas}, {@code global}) of those of {@code hosts} the account lists;
   * empty when the service cannot say. Pages through the account's domains rather than filtering by name, as
   * the number of values a filter takes is not documented.
   */
  static Map<String, String> of(V3Call call, Transport transport, Set<String> hosts) {
    Map<String, String> areas = new HashMap<>();
    try {
      for (int page = 0, offset = 0; page < MAX_PAGES; page++) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("Offset", offset);
        payload.put("Limit", PAGE_SIZE);
        Map<String, Object> response = transport.ask(new Transport.Question<Map<String, Object>>() {
          @Override
          public EncodedRequest encode(long timestamp, int nonce) {
            return call.encode(ACTION, payload, timestamp, 0, "Offset: " + payload.get("Offset"));
          }

          @Override
          public Map<String, Object> read(String body) throws Unanswered, Refusal {
            return V3Call.read(body);
          }
        }, 0, retry -> { });
        List<?> domains = response.get("Domains") instanceof List ? (List<?>) response.get("Domains") : List.of();
        for (Object item : domains) {
          Map<String, Object> domain = Json.object(item);
          if (domain != null) {
            String host = Json.text(domain.get("Domain")).toLowerCase(Locale.ROOT);
            if (hosts.contains(host)) {
              areas.put(host, Json.text(domain.get("Area")).toLowerCase(Locale.ROOT));
            }
          }
        }
        offset += domains.size();
        Object total = response.get("TotalNumber");
        if (domains.isEmpty() || areas.size() == hosts.size() || !(total instanceof Number)
            || offset >= ((Number) total).longValue()) {
          return areas;
        }
      }
    } catch (Refusal | Unanswered e) {
      return Map.of(); // unknown: the purge requests themselves will say what the service thinks
    }
    return areas;
  }
}
