package dev.refreshcdn;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A submission recorded in a state directory ({@link Refresh#stateDir}): what it was asked to refresh
 * and how far it got, read back from its journal. {@link Refresh#resume} continues one that is not done.
 */
public final class Job {
  /** How far a job got, from its journal. */
  public enum State {
    /** Every URL was accepted by the service. */
    DONE,
    /** Stopped by the daily quota; the rest is pending until {@link #quotaReturns()}. */
    QUOTA,
    /** Stopped by a refusal of the service (its code is in the journal). */
    REFUSED,
    /** Stopped without a verdict: a lost answer, a network failure, a crash or a kill. */
    UNFINISHED,
    /**
     * Its files cannot be read, e.g. an empty or invalid {@code job.json} ({@link #problem()} says which and why):
     * only its id is known, and it cannot be resumed until the file is repaired or the job's directory removed.
     */
    UNREADABLE
  }

  private final String id;
  private final Instant created;
  private final State state;
  private final Api api;
  private final URI endpoint;
  private final boolean directories;
  private final int urlCount;
  private final int acceptedUrls;
  private final List<String> taskIds;
  private final Instant quotaReturns;
  private final String lastError;
  private final String problem;

  Job(String id, Instant created, State state, Api api, URI endpoint, boolean directories, int urlCount,
      int acceptedUrls, List<String> taskIds, Instant quotaReturns, String lastError, String problem) {
    this.id = Objects.requireNonNull(id);
    this.created = created;
    this.state = state;
    this.api = api;
    this.endpoint = endpoint;
    this.directories = directories;
    this.urlCount = urlCount;
    this.acceptedUrls = acceptedUrls;
    this.taskIds = List.copyOf(taskIds);
    this.quotaReturns = quotaReturns;
    this.lastError = lastError;
    this.problem = problem;
  }

  /** A job whose files cannot be read, known by its directory's name only. */
  static Job unreadable(String id, String problem) {
    return new Job(id, null, State.UNREADABLE, null, null, false, 0, 0, List.of(), null, null, problem);
  }

  /** The job's id, e.g. {@code 20261127-231502-3f9a}: its creation time (UTC), then random hex. */
  public String id() {
    return id;
  }

  /** When the job was first submitted; null for an {@linkplain State#UNREADABLE unreadable} job. */
  public Instant created() {
    return created;
  }

  /** How far the job got, as its journal tells. */
  public State state() {
    return state;
  }

  /** The API generation the job was submitted through, which a resumption keeps; null when unreadable. */
  public Api api() {
    return api;
  }

  /** The endpoint the job was submitted to (a resumption may override it); null when unreadable. */
  public URI endpoint() {
    return endpoint;
  }

  /** Whether the job refreshes directories ({@link Refresh#dirs}) rather than URLs. */
  public boolean directories() {
    return directories;
  }

  /** How many distinct URLs (or directories) the job was asked to refresh. */
  public int urlCount() {
    return urlCount;
  }

  /** How many of them the service has accepted so far. */
  public int acceptedUrls() {
    return acceptedUrls;
  }

  /** How many are not accepted yet: what a resumption sends. */
  public int pendingUrls() {
    return urlCount - acceptedUrls;
  }

  /**
   * The ids of the tasks created so far, in the order the requests were accepted (the legacy
   * {@code RefreshCdnDir} creates tasks without one: they are not listed).
   */
  public List<String> taskIds() {
    return taskIds;
  }

  /** When the daily quota returns, for a job stopped by it (the next midnight, Beijing time). */
  public Optional<Instant> quotaReturns() {
    return Optional.ofNullable(quotaReturns);
  }

  /** The last failure recorded, e.g. a refusal's code and message; empty when none. */
  public Optional<String> lastError() {
    return Optional.ofNullable(lastError).filter(s -> !s.isEmpty());
  }

  /**
   * What is wrong with the job's files: why the job is {@linkplain State#UNREADABLE unreadable}, or which lines of
   * its journal cannot be read (the job is read without them: what they recorded is not counted, so a resumption
   * may send some URLs again, never fewer). Empty when nothing is wrong.
   */
  public Optional<String> problem() {
    return Optional.ofNullable(problem);
  }

  @Override
  public String toString() {
    if (state == State.UNREADABLE) {
      return "Job " + id + " (UNREADABLE)";
    }
    return "Job " + id + " (" + state + ", " + acceptedUrls + " of " + urlCount + (directories ? " directories" : " URLs")
        + " accepted)";
  }
}
