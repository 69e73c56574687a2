package dev.refreshcdn;

/** The numbers 0..n-1 in the order of their decimal strings, as the service sorts {@code urls.N} names. */
final class LexicalOrder {
  private LexicalOrder() {}

  static int[] of(int n) {
    int[] order = new int[n];
    int at = 0;
    for (int digit = 0; digit <= 9 && digit < n; digit++) {
      at = visit(digit, n, order, at);
    }
    return order;
  }

  /** Writes {@code prefix} and then every number that starts with it, depth first. */
  private static int visit(int prefix, int n, int[] order, int at) {
    order[at++] = prefix;
    if (prefix == 0) {
      return at;
    }
    for (int digit = 0; digit <= 9; digit++) {
      long next = prefix * 10L + digit;
      if (next >= n) {
        break;
      }
      at = visit((int) next, n, order, at);
    }
    return at;
  }
}
