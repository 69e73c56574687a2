package dev.refreshcdn.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Redraws one line on stderr while a multi-request job runs (only on a terminal): requests done (of all, unless API
 * 3.0 cut them to the account's batch), URLs, the retries so far, the quota left when known, the time elapsed and an
 * estimate of the time left (of the URLs the quota left lets through, when it is known).
 */
final class Progress {
  private final PrintStream err;
  private final int requests;
  private final int urls;
  private final boolean enabled;
  private final LongSupplier nanos;
  private final long start;
  private int done;
  private int urlsDone;
  private int quotaLeft = -1;
  private int retries;

  /** Starts the line for {@code requests} requests of {@code urls} URLs on {@code err}, or prints nothing unless {@code enabled}. */
  public Progress(PrintStream err, int requests, int urls, boolean enabled) {
    this(err, requests, urls, enabled, System::nanoTime);
  }

  Progress(PrintStream err, int requests, int urls, boolean enabled, LongSupplier nanos) {
    this.err = err;
    this.requests = requests;
    this.urls = urls;
    this.enabled = enabled;
    this.nanos = nanos;
    this.start = nanos.getAsLong();
    draw();
  }

  /** Shows the daily quota left before the first request; it is counted down as URLs are accepted. */
  public void quotaLeft(int left) {
    quotaLeft = left;
    draw();
  }

  /** Counts one more request accepted, which carried {@code count} URLs. */
  public void advance(int count) {
    done++;
    urlsDone += count;
    if (quotaLeft >= 0) {
      quotaLeft = Math.max(0, quotaLeft - count);
    }
    if (urlsDone < urls) {
      draw();
    }
  }

  /** Counts one more retry. */
  public void retried() {
    retries++;
    draw();
  }

  /** Erases the line, before anything else is printed. */
  public void clear() {
    if (enabled) {
      err.print("\r\033[K");
    }
  }

  private void draw() {
    if (enabled) {
      err.print("\r" + line(done, requests, urlsDone, urls, retries, quotaLeft,
          Duration.ofNanos(nanos.getAsLong() - start)));
    }
  }

  /** The text of the line; {@code quotaLeft} is negative when unknown. */
  static String line(int done, int requests, int urlsDone, int urls, int retries, int quotaLeft, Duration elapsed) {
    StringBuilder line = new StringBuilder();
    // API 3.0 may cut the planned requests to the account's batch: then only the count done is known.
    line.append(done);
    if (done <= requests) {
      line.append('/').append(requests);
    }
    line.append(done == 1 && done > requests ? " request, " : " requests, ").append(urlsDone).append('/').append(urls)
        .append(" URLs");
    if (retries > 0) {
      line.append(", ").append(retries).append(retries == 1 ? " retry" : " retries");
    }
    if (quotaLeft >= 0) {
      line.append(", quota left ").append(quotaLeft);
    }
    line.append(", ").append(Times.clock(elapsed)).append(" elapsed");
    long left = urls - urlsDone;
    if (quotaLeft >= 0) {
      // The quota stops the job once spent: the estimate covers only the URLs it still lets through.
      left = Math.min(left, quotaLeft);
    }
    if (urlsDone > 0 && left > 0) {
      line.append(", ~").append(Times.clock(elapsed.multipliedBy(left).dividedBy(urlsDone))).append(" left");
    }
    return line.toString();
  }
}
