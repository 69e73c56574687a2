package dev.refreshcdn;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Checked URLs in plan order (grouped by domain) and where each planned request starts among them: what a plan sends
 * and a job run hands out. A request holds URLs of one domain, so a refusal of a domain holds back no other.
 */
final class Batches {
  /**
   * Wire bytes of one URL parameter besides the URL itself: {@code urls.NNNN=} and {@code &} on the
   * legacy API; an upper bound of the JSON quotes and comma on API 3.0.
   */
  static final int PARAMETER_OVERHEAD = "&urls.1000=".length();

  private final List<String> urls;
  /** Where each request starts in {@link #urls}, plus one last entry: the end. */
  private final int[] starts;
  /** For each input URL its plan position, when planning regrouped them; else null. */
  private final int[] positions;

  private Batches(List<String> urls, int[] starts, int[] positions) {
    this.urls = urls;
    this.starts = starts;
    this.positions = positions;
  }

  /**
   * Groups the URLs by domain ({@link Hosts}: domains in order of first appearance, URLs in input order within
   * one), then cuts after {@code batchSize} URLs, at each change of domain, or earlier when the next URL would push a
   * request past the budget: no request spans two domains, and no domain takes more requests than that needs.
   */
  static Batches split(List<String> urls, int[] encodedLengths, int batchSize, int budget) {
    Hosts hosts = Hosts.of(urls);
    List<String> planned = urls;
    int[] lengths = encodedLengths;
    if (hosts.positions != null) {
      String[] grouped = new String[urls.size()];
      lengths = new int[urls.size()];
      for (int i = 0; i < grouped.length; i++) {
        grouped[hosts.positions[i]] = urls.get(i);
        lengths[hosts.positions[i]] = encodedLengths[i];
      }
      planned = Collections.unmodifiableList(Arrays.asList(grouped));
    }
    int urlCount = planned.size();
    int[] starts = new int[urlCount / batchSize + hosts.counts.length + 2];
    int requests = 0;
    int inRequest = 0;
    long bytes = 0;
    int group = 0;
    int groupEnd = 0;
    for (int i = 0; i < urlCount; i++) {
      int cost = lengths[i] + PARAMETER_OVERHEAD;
      boolean newDomain = i == groupEnd;
      if (newDomain) {
        groupEnd += hosts.counts[group++];
      }
      if (newDomain || inRequest == batchSize || bytes + cost > budget) {
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
    return new Batches(planned, Arrays.copyOf(starts, requests + 1), hosts.positions);
  }

  /**
   * {@code values}, one per input URL, in plan order: a resumed job's journal indices follow its URLs when
   * planning regroups them (a job journaled before requests were planned per domain); {@code values} when not.
   */
  int[] inPlanOrder(int[] values) {
    if (positions == null) {
      return values;
    }
    int[] reordered = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      reordered[positions[i]] = values[i];
    }
    return reordered;
  }

  /** The domain of the URL at plan position {@code position}. */
  String domainAt(int position) {
    return Hosts.domain(urls.get(position));
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

  /**
   * These requests each cut to at most {@code size} URLs, as the service's batch demands (each piece keeps its
   * request's one domain); this when none is longer.
   */
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
    return new Batches(urls, cut, positions);
  }
}
