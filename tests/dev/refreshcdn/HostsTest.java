package dev.refreshcdn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Grouping by host, checked against java.net.URI's host, for inputs grouped on one core and on every core. */
class HostsTest {
  /** Counts and positions as the grouping must give them, worked out with URI and a map. */
  private static int[][] expected(List<String> urls) {
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < urls.size(); i++) {
      String host = URI.create(urls.get(i)).getHost().toLowerCase(Locale.ROOT);
      groups.computeIfAbsent(host, h -> new ArrayList<>()).add(i);
    }
    int[] counts = groups.values().stream().mapToInt(List::size).toArray();
    int[] positions = new int[urls.size()];
    int next = 0;
    for (List<Integer> members : groups.values()) {
      for (int i : members) {
        positions[i] = next++;
      }
    }
    return new int[][] {counts, positions};
  }

  /** {@code n} URLs: hosts in runs of varying length, some first seen late, in varying case and with ports. */
  private static List<String> mixed(int n) {
    List<String> urls = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int host = i < n / 2 ? (i / 7) % 13 : (i / 5) % 29; // hosts 13-28 appear first in the second half
      String name = (host % 3 == 0 ? "IMG" : "img") + host + ".Test.com" + (host % 4 == 0 ? ":8443" : "");
      urls.add((i % 2 == 0 ? "https://" : "http://") + name + "/p/" + i + ".js");
    }
    return urls;
  }

  @Test
  void anInterleavedInputIsGroupedInOrderOfFirstAppearanceOnOneCoreOrMany() {
    for (int n : new int[] {1_000, 300_001}) { // below and above the size grouped on every core
      // given
      List<String> urls = mixed(n);
      int[][] expected = expected(urls);
      // when
      Hosts hosts = Hosts.of(urls);
      // then
      assertArrayEquals(expected[0], hosts.counts, "counts, " + n + " URLs");
      assertArrayEquals(expected[1], hosts.positions, "positions, " + n + " URLs");
    }
  }

  @Test
  void hostsTakingTurnsInVaryingCaseAreGroupedAsUriReadsThem() {
    for (int turns : new int[] {3, 6}) { // as many hosts as the recently met ones kept, and more
      // given: each URL's host is not its predecessor's; every third spelled in upper case
      List<String> urls = new ArrayList<>();
      for (int i = 0; i < 1_000; i++) {
        String host = "h" + (i % turns) + ".test.com" + (i % 4 == 0 ? ":8080" : "");
        urls.add("https://" + (i % 3 == 0 ? host.toUpperCase(Locale.ROOT) : host) + "/" + i);
      }
      int[][] expected = expected(urls);
      // when
      Hosts hosts = Hosts.of(urls);
      // then
      assertArrayEquals(expected[0], hosts.counts, turns + " hosts");
      assertArrayEquals(expected[1], hosts.positions, turns + " hosts");
    }
  }

  @Test
  void aGroupedInputStaysInPlaceEvenWhenAHostSpansTheSlices() {
    // given: three hosts in three runs, the second across the middle of the input
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < 300_000; i++) {
      urls.add("https://" + (i < 100_000 ? "a" : i < 250_000 ? "B" : "c") + ".test.com/" + i);
    }
    // when
    Hosts hosts = Hosts.of(urls);
    // then
    assertArrayEquals(new int[] {100_000, 150_000, 50_000}, hosts.counts);
    assertNull(hosts.positions, "a grouped input needs no regrouping");
  }
}
