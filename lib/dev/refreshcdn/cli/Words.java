package dev.refreshcdn.cli;

import dev.refreshcdn.internal.Texts;

/**
 * The command line's short names for {@link Texts#count} and {@link Texts#plural}, which own the wording (kept
 * so the report classes' many call sites need no change while they are being reworked elsewhere).
 */
final class Words {
  private Words() {}

  /** {@code 1 URL}, {@code 2 URLs}, {@code 1 directory}, {@code 2 directories}. */
  static String count(long n, boolean directories) {
    return Texts.count(n, directories);
  }

  /** {@code 1 task}, {@code 2 tasks}. */
  static String plural(long n, String noun) {
    return Texts.plural(n, noun);
  }
}
