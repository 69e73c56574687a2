package dev.refreshcdn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The domains a job run's requests were refused for ({@link Refusal#aboutDomain}): each with the service's first
 * refusal and how many of the run's URLs it held back. Guarded by its {@link JobOutcome}.
 */
final class DomainRefusals {
  private static final class Tally {
    Refusal first;
    int firstRequest;
    int urls;
    boolean reached;
  }

  private final Map<String, Tally> byDomain = new LinkedHashMap<>();

  boolean isEmpty() {
    return byDomain.isEmpty();
  }

  /** Counts {@code urls} more of {@code domain}, refused by {@code refusal} in request {@code request}. */
  void refused(String domain, Refusal refusal, int request, int urls) {
    Tally tally = byDomain.computeIfAbsent(domain, d -> new Tally());
    if (tally.first == null || request < tally.firstRequest) { // senders in parallel may answer out of order
      tally.first = refusal;
      tally.firstRequest = request;
    }
    tally.urls += urls;
    tally.reached |= refusal.earlierAttemptMayHaveReached;
  }

  /** Counts {@code urls} more of {@code domain}, held back unsent, when it was refused; false when it was not. */
  boolean heldBack(String domain, int urls) {
    Tally tally = byDomain.get(domain);
    if (tally != null) {
      tally.urls += urls;
    }
    return tally != null;
  }

  /** The refusal of the earliest request refused, which the job's exception reports as its code and message. */
  Refusal first() {
    return earliest().first;
  }

  /** Whether an earlier attempt of a refused request may have been acted on before its refusal. */
  boolean earlierAttemptMayHaveReached() {
    return byDomain.values().stream().anyMatch(t -> t.reached);
  }

  /** The number of the earliest request refused. */
  int firstRequest() {
    return earliest().firstRequest;
  }

  private Tally earliest() {
    return byDomain.values().stream().min(Comparator.comparingInt(t -> t.firstRequest)).orElseThrow();
  }

  /** The refused domains in plan order (that of their first refused request, whichever sender answered first). */
  List<RefreshException.RefusedDomain> list() {
    List<Map.Entry<String, Tally>> entries = new ArrayList<>(byDomain.entrySet());
    entries.sort(Comparator.comparingInt(e -> e.getValue().firstRequest));
    List<RefreshException.RefusedDomain> list = new ArrayList<>(entries.size());
    for (Map.Entry<String, Tally> e : entries) {
      Refusal first = e.getValue().first;
      list.add(new RefreshException.RefusedDomain(e.getKey(), e.getValue().urls, first.code,
          first.codeDesc == null ? "" : first.codeDesc, first.message));
    }
    return list;
  }
}
