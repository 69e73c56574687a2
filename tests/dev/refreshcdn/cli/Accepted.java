package dev.refreshcdn.cli;

import dev.refreshcdn.emulator.Emulator;
import dev.refreshcdn.emulator.RecordedRequest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Test inputs of many URLs, and what an emulator accepted of them. */
final class Accepted {
  private Accepted() {}

  /** {@code https://www.test.com/<dir>/1.js} … {@code n.js}, one a line. */
  static String urls(String dir, int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> "https://www.test.com/" + dir + "/" + i + ".js")
        .collect(Collectors.joining("\n", "", "\n"));
  }

  /** The purge requests (not the queries) the emulator received, in order. */
  static List<RecordedRequest> purges(Emulator emu) {
    return emu.requests().stream().filter(q -> q.action().startsWith("RefreshCdn") || q.action().startsWith("Purge"))
        .collect(Collectors.toList());
  }

  /** How many times each URL was accepted. */
  static Map<String, Integer> counts(Emulator emu) {
    Map<String, Integer> counts = new TreeMap<>();
    for (RecordedRequest request : purges(emu)) {
      if (request.accepted()) {
        request.urls().forEach(url -> counts.merge(url, 1, Integer::sum));
      }
    }
    return counts;
  }

  /** How many purge requests were accepted. */
  static long acceptedRequests(Emulator emu) {
    return purges(emu).stream().filter(RecordedRequest::accepted).count();
  }

  /** The URLs accepted in all, counting each time. */
  static int acceptedUrls(Emulator emu) {
    return counts(emu).values().stream().mapToInt(Integer::intValue).sum();
  }
}
