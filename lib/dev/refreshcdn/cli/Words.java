package dev.refreshcdn.cli;

/** How the command line counts things in words. */
final class Words {
  private Words() {}

  /** {@code 1 URL}, {@code 2 URLs}, {@code 1 directory}, {@code 2 directories}. */
  static String count(int n, boolean directories) {
    return n + (directories ? (n == 1 ? " directory" : " directories") : (n == 1 ? " URL" : " URLs"));
  }

  /** {@code 1 task}, {@code 2 tasks}: {@code n} and a noun that takes an s. */
  static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
