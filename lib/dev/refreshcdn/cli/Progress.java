package dev.refreshcdn.cli;

import java.io.PrintStream;

/** Redraws one "request n of m" line on stderr while a multi-request job runs (only on a terminal). */
public final class Progress {
  private final PrintStream err;
  private final int total;
  private final boolean enabled;
  private int done;
  private int urls;

  /** Starts the line for {@code total} requests on {@code err}, or prints nothing at all unless {@code enabled}. */
  public Progress(PrintStream err, int total, boolean enabled) {
    this.err = err;
    this.total = total;
    this.enabled = enabled;
    if (enabled) {
      err.print("\rsending request 1 of " + total + "…");
    }
  }

  /** Counts one more request answered, which carried {@code count} URLs, and names the next one. */
  public void advance(int count) {
    done++;
    urls += count;
    if (enabled && done < total) {
      err.print("\r" + done + " of " + total + " requests sent (" + urls + " URLs); sending request " + (done + 1) + "…");
    }
  }

  /** Erases the line, before anything else is printed. */
  public void clear() {
    if (enabled) {
      err.print("\r\033[K");
    }
  }
}
