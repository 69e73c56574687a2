package dev.refreshcdn;

import java.util.Arrays;
import java.util.List;

/** Checked URLs and where each planned request starts among them: what a plan sends and a job run hands out. */
final class Batches {
  /**
   * Wire bytes of one URL parameter besides the URL itself: {@code urls.NNNN=} and {@code &} on the
   * legacy API; an upper bound of the JSON quotes and comma on API 3.0.
   */
  static final int PARAMETER_OVERHEAD = "&urls.1000=".length();

  private final List<String> urls;
  /** Where each request starts in {@link #urls}, plus one last entry: the end. */
  private final int[] starts;

  private Batches(List<String> urls, int[] starts) {
    this.urls = urls;
    this.starts = starts;
  }

  /** Cuts after {@code batchSize} URLs, or earlier when the next URL would push a request past the budget. */
  static Batches split(List<String> urls, int[] encodedLengths, int batchSize, int budget) {
    int urlCount = urls.size();
    int[] starts = new int[urlCount / batchSize + 2];
    int requests = 0;
    int inRequest = 0;
    long bytes = 0;
    for (int i = 0; i < urlCount; i++) {
      int cost = encodedLengths[i] + PARAMETER_OVERHEAD;
      if (i == 0 || inRequest == batchSize || bytes + cost > budget) {
        if (requests + 1 >= starts.length) {
          starts = Arrays.copyOf(starts, starts.length * 2);
        }
        starts[requests++] = i;
        inRequest = 0;
        bytes = 0;
      }
      inRequest++;
      bytes += cost;
    }
    starts[requests] = urlCount;
    return new Batches(urls, Arrays.copyOf(starts, requests + 1));
  }

  List<String> urls() {
    return urls;
  }

  int requestCount() {
    return starts.length - 1;
  }

  /** The URLs of request {@code request} (0-based). */
  List<String> urlsOf(int request) {
    return urls.subList(starts[request], starts[request + 1]);
  }

  /** Where request {@code request} (0-based) ends in {@link #urls()}. */
  int requestEnd(int request) {
    return starts[request + 1];
  }

  /** These requests each cut to at most {@code size} URLs, as the service's batch demands; this when none is longer. */
  Batches cutTo(int size) {
    int pieces = 0;
    for (int r = 0; r < requestCount(); r++) {
      pieces += (starts[r + 1] - starts[r] + size - 1) / size;
    }
    if (pieces == requestCount()) {
      return this;
    }
    int[] cut = new int[pieces + 1];
    int n = 0;
    for (int r = 0; r < requestCount(); r++) {
      for (int at = starts[r]; at < starts[r + 1]; at += size) {
        cut[n++] = at;
      }
    }
    cut[n] = urls.size();
    return new Batches(urls, cut);
  }
}
