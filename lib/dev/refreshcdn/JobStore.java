package dev.refreshcdn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * The jobs journaled in one state directory (see {@link Refresh#stateDir(Path)}): listing them, resuming one,
 * forgetting one. Immutable; it reads the directory on each call.
 */
public final class JobStore {
  private final Path stateDir;

  private JobStore(Path stateDir) {
    this.stateDir = stateDir;
  }

  /** The jobs of {@code stateDir}, which need not exist yet. */
  public static JobStore at(Path stateDir) {
    return new JobStore(Objects.requireNonNull(stateDir, "stateDir"));
  }

  /** The state directory. */
  public Path dir() {
    return stateDir;
  }

  /**
   * The jobs, oldest first; empty when there are none. A job whose files cannot be read is listed too, as
   * {@link Job.State#UNREADABLE}, with its {@link Job#problem()}.
   */
  public List<Job> list() {
    List<Job> jobs = new ArrayList<>();
    for (Path dir : Jobs.jobDirs(stateDir)) {
      try {
        jobs.add(job(JobRecord.read(dir), Jobs.running(dir)));
      } catch (IOException | RuntimeException e) {
        jobs.add(Job.unreadable(String.valueOf(dir.getFileName()), Jobs.why(dir, e)));
      }
    }
    // Ids order jobs by the second they were made; two of one second are ordered by when exactly.
    jobs.sort(Comparator.comparing((Job job) -> job.id().substring(0, Math.min(15, job.id().length())))
        .thenComparing(job -> job.created() == null ? Instant.MIN : job.created()));
    return jobs;
  }

  /**
   * Continues a job: a refresh of exactly the URLs the service has not accepted (refused, never sent, or sent
   * without a confirmed answer), with the job's API, endpoint and request options. Credentials and connection
   * options are set as for a new refresh (they are never journaled); its {@link Plan#submit()} records into the
   * same job, and refuses to run while another submission of the job runs or once the job has changed since it was
   * read here (resume again then).
   *
   * The API, endpoint and area may be corrected for the job ({@link Refresh#endpoint}, {@link Refresh#area}): the
   * journal records what each resumption runs with, and the next one starts from that.
   *
   * @param jobId the job's id, or null for the most recent job stopped for a reason that can pass: the daily quota,
   *     a network failure, an interruption or a crash (not a refused job: name it once the cause is fixed)
   * @throws IllegalArgumentException when there is no such job, it is done or cannot be read, or its recorded
   *     endpoint is one a new refresh could not use (see {@link Refresh#endpoint(String)})
   */
  public Refresh resume(String jobId) {
    return resume(jobId, null);
  }

  /**
   * Continues a job as {@link #resume(String)} does, through {@code api}: a job of the retired API 2.0 moves to API
   * 3.0, its pending URLs planned afresh there with API 3.0's endpoint and request options (its URLs, directories,
   * flush type and daily quota stay); the journal records the move, so later resumptions stay on API 3.0.
   *
   * @param api the API to continue on; null or the job's own: as {@link #resume(String)}
   * @throws IllegalArgumentException as {@link #resume(String)}, or when asked to move a job of API 3.0 to API 2.0
   */
  public Refresh resume(String jobId, Api api) {
    Jobs.Continuation job = Jobs.resume(stateDir, jobId, api);
    return Refresh.of(job.urls, job.settings);
  }

  /**
   * Deletes a job's directory, whatever its state: its URLs and journal are gone, so it can no longer be resumed.
   *
   * @throws IllegalArgumentException when there is no such job
   * @throws IllegalStateException while a submission or resume of the job runs (it holds the job's lock)
   * @throws UncheckedIOException when the files cannot be deleted
   */
  public void forget(String jobId) {
    Path dir = Jobs.dirOf(stateDir, Objects.requireNonNull(jobId, "jobId"));
    try (FileChannel events = FileChannel.open(dir.resolve(Journal.EVENTS_FILE), StandardOpenOption.WRITE);
        FileLock lock = tryLock(events, jobId)) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
          Files.delete(file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete job " + jobId + " in " + dir, e);
    }
  }

  private static FileLock tryLock(FileChannel events, String jobId) throws IOException {
    FileLock lock;
    try {
      lock = events.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      throw new IllegalStateException("job " + jobId + " is running: another submission or resume holds it");
    }
    return lock;
  }

  private static Job job(JobRecord record, boolean running) {
    Job.State state = running ? Job.State.RUNNING : Job.State.valueOf(record.state.name());
    Prefetch prefetch = record.file.prefetch;
    Job.Kind kind = record.file.directories ? Job.Kind.DIRECTORIES : prefetch == null ? Job.Kind.PURGE
        : prefetch.purgeFirst != null ? Job.Kind.PURGE_THEN_PREFETCH : Job.Kind.PREFETCH;
    // A two-phase job counts each URL once a phase: in its prefetch phase, every URL was purged.
    int accepted = record.accepted.cardinality() + (record.prefetchPhase ? record.urlCount : 0);
    return new Job(record.id, record.file.created, state, kind, record.api, record.endpoint, record.urlCount, accepted,
        record.taskIds, state == Job.State.QUOTA ? record.quotaReturns : null, record.lastError, record.damage());
  }

  @Override
  public String toString() {
    return "JobStore at " + stateDir;
  }

  /**
   * A submission recorded in a state directory ({@link Refresh#stateDir}): what it was asked to refresh
   * and how far it got, read back from its journal. {@link JobStore#resume} continues one that is not done.
   */
  public static final class Job {
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
      /** A submission or resume of it runs now, in this process or another (it holds the job's lock). */
      RUNNING,
      /**
       * Its files cannot be read, e.g. an empty or invalid {@code job.json} ({@link #problem()} says which and why):
       * only its id is known, and it cannot be resumed until the file is repaired or the job's directory removed.
       */
      UNREADABLE
    }

    /** What a job does to its URLs. */
    public enum Kind {
      /** Purges URLs ({@link Refresh#urls}). */
      PURGE,
      /** Purges directories ({@link Refresh#dirs}). */
      DIRECTORIES,
      /** Prefetches URLs ({@link Refresh#prefetch()}). */
      PREFETCH,
      /** Purges URLs, waits for the purge tasks, then prefetches them ({@link Refresh#purgeFirst}): two phases. */
      PURGE_THEN_PREFETCH
    }

    private final String id;
    private final Instant created;
    private final State state;
    private final Kind kind;
    private final Api api;
    private final URI endpoint;
    private final int urlCount;
    private final int acceptedUrls;
    private final List<String> taskIds;
    private final Instant quotaReturns;
    private final String lastError;
    private final String problem;

    Job(String id, Instant created, State state, Kind kind, Api api, URI endpoint, int urlCount, int acceptedUrls,
        List<String> taskIds, Instant quotaReturns, String lastError, String problem) {
      this.id = Objects.requireNonNull(id);
      this.created = created;
      this.state = state;
      this.kind = kind;
      this.api = api;
      this.endpoint = endpoint;
      this.urlCount = urlCount;
      this.acceptedUrls = acceptedUrls;
      this.taskIds = List.copyOf(taskIds);
      this.quotaReturns = quotaReturns;
      this.lastError = lastError;
      this.problem = problem;
    }

    /** A job whose files cannot be read, known by its directory's name only. */
    static Job unreadable(String id, String problem) {
      return new Job(id, null, State.UNREADABLE, null, null, null, 0, 0, List.of(), null, null, problem);
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

    /** The API generation the job last ran on (a job of API 2.0 may be moved to API 3.0); null when unreadable. */
    public Api api() {
      return api;
    }

    /** The endpoint the job last ran with (a resumption may correct it); null when unreadable. */
    public URI endpoint() {
      return endpoint;
    }

    /** Whether the job refreshes directories ({@link Refresh#dirs}) rather than URLs. */
    public boolean directories() {
      return kind == Kind.DIRECTORIES;
    }

    /** What the job does to its URLs; null for an {@linkplain State#UNREADABLE unreadable} job. */
    public Kind kind() {
      return kind;
    }

    /** How many distinct URLs (or directories) the job was asked to refresh. */
    public int urlCount() {
      return urlCount;
    }

    /**
     * How many of them the service has accepted so far; a {@link Kind#PURGE_THEN_PREFETCH} job counts each URL once a
     * phase (0 to twice {@link #urlCount()}: its purge phase is done once it passes {@link #urlCount()}).
     */
    public int acceptedUrls() {
      return acceptedUrls;
    }

    /** How many are not accepted yet, each URL once a phase left: what a resumption sends. */
    public int pendingUrls() {
      return (kind == Kind.PURGE_THEN_PREFETCH ? 2 * urlCount : urlCount) - acceptedUrls;
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
      return "Job " + id + " (" + state + ", " + kind + ", " + acceptedUrls + " of " + urlCount
          + (directories() ? " directories" : " URLs") + (kind == Kind.PURGE_THEN_PREFETCH ? ", each in 2 phases" : "")
          + " accepted)";
    }
  }
}
