package dev.refreshcdn;

/**
 * A set of 128-bit string fingerprints in two flat {@code long} arrays: de-duplicating a million URLs
 * costs 16 bytes a slot instead of a second copy of every string. Two different strings share a
 * fingerprint with a probability near n²/2¹²⁹, about 10⁻²⁷ for a million URLs.
 */
final class FingerprintSet {
  private long[] high;
  private long[] low;
  private boolean[] used;
  private int size;

  FingerprintSet() {
    allocate(1024);
  }

  private void allocate(int capacity) {
    high = new long[capacity];
    low = new long[capacity];
    used = new boolean[capacity];
  }

  /** Adds the fingerprint of {@code value}; false when an equal one was already there. */
  boolean add(String value) {
    long h1 = 0xcbf29ce484222325L;
    long h2 = 0x9e3779b97f4a7c15L ^ value.length();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      h1 = (h1 ^ c) * 0x100000001b3L;
      h2 = (h2 + c) * 0xc6a4a7935bd1e995L;
      h2 ^= h2 >>> 29;
    }
    return add(mix(h1), mix(h2 ^ h1 >>> 7));
  }

  private boolean add(long h, long l) {
    if (size * 2 >= used.length) {
      grow();
    }
    int mask = used.length - 1;
    for (int slot = (int) l & mask; ; slot = (slot + 1) & mask) {
      if (!used[slot]) {
        used[slot] = true;
        high[slot] = h;
        low[slot] = l;
        size++;
        return true;
      }
      if (high[slot] == h && low[slot] == l) {
        return false;
      }
    }
  }

  private void grow() {
    long[] oldHigh = high;
    long[] oldLow = low;
    boolean[] oldUsed = used;
    allocate(oldUsed.length * 2);
    size = 0;
    for (int i = 0; i < oldUsed.length; i++) {
      if (oldUsed[i]) {
        add(oldHigh[i], oldLow[i]);
      }
    }
  }

  /** The finaliser of MurmurHash3: spreads every input bit over the whole word. */
  private static long mix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }

  int size() {
    return size;
  }
}
