package dev.refreshcdn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The distinct URLs of an input in first-seen order, with an exact membership test that costs one
 * {@code long} a slot: each slot holds a URL's 32-bit hash and its index in the list, so the strings
 * themselves are kept once, and only URLs whose hashes collide are ever compared. While every entry so far
 * was kept as it is (no duplicate, no refusal, nothing trimmed), the list is the input's own: an input
 * without any needs no second list of a million references.
 */
final class DistinctUrls {
  /** The input, immutable; the distinct URLs are its first {@link #size} entries while {@link #own} is null. */
  private final List<String> input;
  private List<String> own;
  private int size;
  /** {@code hash << 32 | (index + 1)}; 0 marks an empty slot. */
  private long[] slots;
  /** What {@link #touch} last read, kept only so that its reads are not dropped as unused. */
  private long touched;

  /** For the entries of {@code input}, which must not change. */
  DistinctUrls(List<String> input) {
    this.input = input;
    // Load factor at most one half, so probes stay short (one slot per entry at most is taken); a power of two, so
    // the mask works.
    slots = new long[Integer.highestOneBit(Math.max(16, input.size()) * 2 - 1) * 2];
  }

  /**
   * Appends {@code url}, what entry {@code index} of the input stands for, unless one the CDN reads as the same is
   * already there ({@link #sameUrl}); true when it was new. Indices come in increasing order. {@code hash} is
   * the same for such URLs (the checker computes one as it scans).
   */
  boolean add(int index, String url, int hash) {
    int mask = slots.length - 1;
    for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
      long entry = slots[slot];
      if (entry == 0) {
        append(index, url);
        slots[slot] = (long) hash << 32 | size;
        return true;
      }
      if ((int) (entry >>> 32) == hash && sameUrl(get((int) entry - 1), url)) {
        return false; // the next URL kept, if any, no longer sits at its input index: append copies then
      }
    }
  }

  /**
   * Reads the slots where the probes for {@code hashes[from, to)} start, so that the {@link #add}s that follow find
   * them in the cache. Why: the table of a million URLs is 16 MB, and each add's first read a cache miss; add's loop
   * (long under C1) waits these out one at a time, while the reads here, a few instructions apart, overlap.
   */
  void touch(int[] hashes, int from, int to) {
    int mask = slots.length - 1;
    long read = 0;
    for (int i = from; i < to; i++) {
      read += slots[spread(hashes[i]) & mask];
    }
    touched = read; // a use, so that no compiler drops the reads
  }

  private void append(int index, String url) {
    if (own == null && (index != size || url != input.get(index))) {
      own = copyOfPrefix();
    }
    if (own != null) {
      own.add(url);
    }
    size++;
  }

  private List<String> copyOfPrefix() {
    List<String> copy = new ArrayList<>(input.size());
    copy.addAll(input.subList(0, size));
    return copy;
  }

  private String get(int index) {
    return own != null ? own.get(index) : input.get(index);
  }

  /** Mixes the hash so that URLs differing only in their last characters spread over the table. */
  private static int spread(int hash) {
    int h = hash * 0x9e3779b9;
    return h ^ (h >>> 16);
  }

  /** The distinct URLs, in first-seen order: the input itself when it had neither duplicate nor change. */
  List<String> urls() {
    return own != null ? own : size == input.size() ? input : Collections.unmodifiableList(input.subList(0, size));
  }

  int size() {
    return size;
  }

  /**
   * Where an explicit default port ({@code :443} on https, {@code :80} on http) after the host ending at
   * {@code hostEnd} ends; {@code hostEnd} when the URL names none. The CDN reads neither it nor the host's case.
   */
  static int defaultPortEnd(String url, int hostEnd) {
    String port = url.charAt(4) == 's' ? ":443" : ":80";
    int end = hostEnd + port.length();
    boolean named = url.startsWith(port, hostEnd) && (end == url.length() || "/?#".indexOf(url.charAt(end)) >= 0);
    return named ? end : hostEnd;
  }

  /**
   * Whether two accepted URLs are one for the CDN: equal but for the case of their host and an explicit default port
   * ({@code https://WWW.TEST.COM:443/a} is {@code https://www.test.com/a}). The first spelling is the one sent.
   */
  static boolean sameUrl(String a, String b) {
    return a.equals(b) || canonical(a).equals(canonical(b));
  }

  private static String canonical(String url) {
    int hostEnd = Hosts.hostEnd(url, Hosts.hostStart(url));
    StringBuilder key = new StringBuilder(url.length());
    for (int i = 0; i < hostEnd; i++) {
      key.append(Hosts.fold(url.charAt(i)));
    }
    return key.append(url, defaultPortEnd(url, hostEnd), url.length()).toString();
  }
}
