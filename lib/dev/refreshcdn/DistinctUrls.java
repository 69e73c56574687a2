package dev.refreshcdn;

import java.util.ArrayList;
import java.util.List;

/**
 * The distinct URLs of an input in first-seen order, with an exact membership test that costs one
 * {@code long} a slot: each slot holds a URL's 32-bit hash and its index in the list, so the strings
 * themselves are kept once, and only URLs whose hashes collide are ever compared.
 */
final class DistinctUrls {
  private final List<String> urls;
  /** {@code hash << 32 | (index + 1)}; 0 marks an empty slot. */
  private long[] slots;

  DistinctUrls(int expected) {
    urls = new ArrayList<>(expected);
    // Load factor at most one half, so probes stay short; a power of two, so the mask works.
    slots = new long[Integer.highestOneBit(Math.max(16, expected) * 2 - 1) * 2];
  }

  /**
   * Appends {@code url} unless one the CDN reads as the same is already there ({@link UrlCheck#sameUrl}); true when it
   * was new. {@code hash} is the same for such URLs (the checker computes one as it scans).
   */
  boolean add(String url, int hash) {
    if ((urls.size() + 1) * 2 > slots.length) {
      grow();
    }
    int mask = slots.length - 1;
    for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
      long entry = slots[slot];
      if (entry == 0) {
        urls.add(url);
        slots[slot] = (long) hash << 32 | urls.size();
        return true;
      }
      if ((int) (entry >>> 32) == hash && UrlCheck.sameUrl(urls.get((int) entry - 1), url)) {
        return false;
      }
    }
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    int mask = slots.length - 1;
    for (long entry : old) {
      if (entry != 0) {
        int slot = spread((int) (entry >>> 32)) & mask;
        while (slots[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        slots[slot] = entry;
      }
    }
  }

  /** Mixes the hash so that URLs differing only in their last characters spread over the table. */
  private static int spread(int hash) {
    int h = hash * 0x9e3779b9;
    return h ^ (h >>> 16);
  }

  /** The distinct URLs, in first-seen order; the caller takes ownership. */
  List<String> urls() {
    return urls;
  }

  int size() {
    return urls.size();
  }
}
