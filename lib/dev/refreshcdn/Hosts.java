package dev.refreshcdn;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The domain (host) of each checked URL, and the URLs grouped by it: the service refuses a whole request for one
 * domain it does not know, so a request carries URLs of one domain only. Hosts compare without case, as domains do;
 * a port does not make another domain. Linear in the input: a host is hashed only when it is none of the last four
 * hosts looked up, so a list of one domain costs one comparison a URL.
 */
final class Hosts {
  /** Inputs of this many URLs or more are grouped on every core. */
  private static final int PARALLEL = 1 << 17;
  /** For each group, in order of first appearance: how many URLs it has. */
  final int[] counts;
  /** For each input URL, its position in the grouped order; null when the input is grouped already. */
  final int[] positions;

  private Hosts(int[] counts, int[] positions) {
    this.counts = counts;
    this.positions = positions;
  }

  /** The domain of a checked URL ({@code http(s)://host[:port]…}), lower-cased: what refusals name. */
  static String domain(String url) {
    int start = hostStart(url);
    return url.substring(start, hostEnd(url, start)).toLowerCase(Locale.ROOT);
  }

  /**
   * Groups {@code urls} by host: hosts in order of first appearance, URLs in input order within a host. A large input
   * is read on every core, a slice each with a table of its own; the slices' hosts are then joined in slice order,
   * which keeps the order of first appearance.
   */
  static Hosts of(List<String> urls) {
    int n = urls.size();
    int[] group = new int[n];
    long seed = new SecureRandom().nextLong() | 1L;
    int slices = n < PARALLEL ? 1 : Math.min(Runtime.getRuntime().availableProcessors(), n / (PARALLEL / 2));
    Table[] tables = new Table[slices];
    IntStream each = slices > 1 ? IntStream.range(0, slices).parallel() : IntStream.range(0, slices);
    each.forEach(s -> tables[s] = scan(urls, sliceStart(s, slices, n), sliceStart(s + 1, slices, n), group, seed));
    Table table = slices == 1 ? tables[0] : join(urls, tables, group, seed);
    int[] counts = Arrays.copyOf(table.counts, table.size);
    boolean grouped = true; // groups are numbered in order of first appearance: a return to one goes back a number
    for (int i = 1; i < n && grouped; i++) {
      grouped = group[i] >= group[i - 1];
    }
    if (grouped) {
      return new Hosts(counts, null);
    }
    int[] next = new int[counts.length];
    for (int g = 1; g < counts.length; g++) {
      next[g] = next[g - 1] + counts[g - 1];
    }
    int[] positions = group; // reused: each slot is read before it is overwritten
    for (int i = 0; i < n; i++) {
      positions[i] = next[group[i]]++;
    }
    return new Hosts(counts, positions);
  }

  private static int sliceStart(int slice, int slices, int n) {
    return (int) ((long) n * slice / slices);
  }

  /** Groups URLs {@code [from, to)} in a table of their own, writing each one's group there into {@code group}. */
  private static Table scan(List<String> urls, int from, int to, int[] group, long seed) {
    Table table = new Table(seed);
    for (int i = from; i < to; i++) {
      String url = urls.get(i);
      int start = hostStart(url);
      group[i] = table.find(url, start, hostEnd(url, start), urls, i);
      table.counts[group[i]]++;
    }
    return table;
  }

  /** One table of the slices' tables, in slice order; {@code group} renumbered to its groups. */
  private static Table join(List<String> urls, Table[] tables, int[] group, long seed) {
    Table joined = new Table(seed);
    int n = group.length;
    for (int s = 0; s < tables.length; s++) {
      Table slice = tables[s];
      int[] renumbered = new int[slice.size];
      for (int g = 0; g < slice.size; g++) { // the slice's groups in their order of first appearance
        int first = slice.firstUrl[g];
        renumbered[g] = joined.find(urls.get(first), slice.starts[g], slice.ends[g], urls, first);
        joined.counts[renumbered[g]] += slice.counts[g];
      }
      for (int i = sliceStart(s, tables.length, n); i < sliceStart(s + 1, tables.length, n); i++) {
        group[i] = renumbered[group[i]];
      }
    }
    return joined;
  }

  static int hostStart(String url) {
    return url.charAt(4) == 's' ? "https://".length() : "http://".length();
  }

  /** Where the host ends: at the port, path, query or fragment; an IPv6 host ends after its bracket. */
  static int hostEnd(String url, int start) {
    int i = start;
    if (i < url.length() && url.charAt(i) == '[') {
      int close = url.indexOf(']', i);
      return close < 0 ? url.length() : close + 1;
    }
    while (i < url.length()) {
      char c = url.charAt(i);
      if (c == ':' || c == '/' || c == '?' || c == '#') {
        break;
      }
      i++;
    }
    return i;
  }

  private static boolean sameHost(String a, int aStart, int aEnd, String b, int bStart, int bEnd) {
    if (aEnd - aStart != bEnd - bStart) {
      return false;
    }
    if (a.regionMatches(aStart, b, bStart, aEnd - aStart)) {
      return true; // the common case, the same spelling: compared without folding each character
    }
    for (int i = 0; i < aEnd - aStart; i++) {
      if (fold(a.charAt(aStart + i)) != fold(b.charAt(bStart + i))) {
        return false;
      }
    }
    return true;
  }

  /** A host's character as hosts compare: without case. */
  static char fold(char c) {
    return c <= 'Z' ? (c >= 'A' ? (char) (c + ('a' - 'A')) : c) : c < 0x80 ? c : Character.toLowerCase(c);
  }

  /**
   * Open addressing over the groups' first URLs. A random odd multiplier per grouping (its slices share it): crafted
   * host names cannot collide on purpose (as in {@link UrlCheck}).
   */
  private static final class Table {
    private final long seed;
    /** Group + 1 in each used slot; 0 marks an empty one. */
    private int[] slots = new int[16];
    private int[] firstUrl = new int[8];
    private int[] starts = new int[8];
    private int[] ends = new int[8];
    private int[] hashes = new int[8];
    int[] counts = new int[8];
    int size;
    /**
     * The last groups looked up, a ring of four, the latest first: a URL of the host before it (a list of one domain)
     * costs one comparison, and hosts that take turns (www., img., static. …) are met again here, without hashing
     * the host a character at a time (C1 keeps each charAt's bounds-check call).
     */
    private final int[] recent = {-1, -1, -1, -1};
    private int recentNext;

    Table(long seed) {
      this.seed = seed;
    }

    /** The group of the host at {@code [start, end)} of {@code url} (URL {@code index}), added when new. */
    int find(String url, int start, int end, List<String> urls, int index) {
      for (int k = 1; k <= recent.length; k++) {
        int g = recent[(recentNext - k) & (recent.length - 1)];
        if (g >= 0 && sameHost(url, start, end, urls.get(firstUrl[g]), starts[g], ends[g])) {
          return g;
        }
      }
      int g = lookUp(url, start, end, urls, index);
      recent[recentNext++ & (recent.length - 1)] = g;
      return g;
    }

    private int lookUp(String url, int start, int end, List<String> urls, int index) {
      long h = seed;
      for (int i = start; i < end; i++) {
        h = (h ^ fold(url.charAt(i))) * seed;
      }
      int hash = (int) (h ^ h >>> 32);
      int mask = slots.length - 1;
      for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
        int g = slots[slot] - 1;
        if (g < 0) {
          return add(slot, index, start, end, hash);
        }
        if (hashes[g] == hash && sameHost(url, start, end, urls.get(firstUrl[g]), starts[g], ends[g])) {
          return g;
        }
      }
    }

    private int add(int slot, int index, int start, int end, int hash) {
      if (size == counts.length) {
        int capacity = size * 2;
        firstUrl = Arrays.copyOf(firstUrl, capacity);
        starts = Arrays.copyOf(starts, capacity);
        ends = Arrays.copyOf(ends, capacity);
        hashes = Arrays.copyOf(hashes, capacity);
        counts = Arrays.copyOf(counts, capacity);
      }
      int g = size++;
      firstUrl[g] = index;
      starts[g] = start;
      ends[g] = end;
      hashes[g] = hash;
      slots[slot] = g + 1;
      if (size * 2 > slots.length) {
        grow();
      }
      return g;
    }

    private void grow() {
      slots = new int[slots.length * 2];
      int mask = slots.length - 1;
      for (int g = 0; g < size; g++) {
        int slot = hashes[g] & mask;
        while (slots[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        slots[slot] = g + 1;
      }
    }
  }
}
