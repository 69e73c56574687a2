package dev.refreshcdn;

/**
 * The names a job's journal ({@code events.jsonl}) writes and reads: its event kinds and the reasons a job
 * stops. One home, so the writer ({@link Journal}), the reader ({@link JobRecord}) and the run that decides
 * ({@link JobRun}) cannot drift apart. The wire names are the journal format: never change them.
 */
final class JournalFormat {
  /** A {@code phase} line's {@code phase}: the prefetch of a purge-then-prefetch job. */
  static final String PREFETCH_PHASE = "prefetch";
  /** The key of {@code job.json} that holds a prefetch's options; a job without it is a purge. */
  static final String PREFETCH_KEY = "prefetch";

  private JournalFormat() {}

  /** One line's {@code event}. */
  enum Event {
    CREATED("created"), SEND("send"), ACCEPTED("accepted"), REFUSED("refused"), NO_ANSWER("no-answer"),
    STOP("stop"), RESUME("resume"), DONE("done"),
    /**
     * A purge-then-prefetch job's purge was accepted whole: from here on its ranges are the prefetch's, of the same
     * list, and {@code phase} says which ({@link #PREFETCH_PHASE}). A journal without it is of one phase.
     */
    PHASE("phase");

    private final String wire;

    Event(String wire) {
      this.wire = wire;
    }

    String wire() {
      return wire;
    }

    /** The event a line names; null for a name this version does not know (a line it skips). */
    static Event of(String wire) {
      for (Event event : values()) {
        if (event.wire.equals(wire)) {
          return event;
        }
      }
      return null;
    }
  }

  /** Why a job stopped early: a {@code stop} line's {@code why}. */
  enum StopReason {
    QUOTA("quota"), REFUSED("refused"), NO_ANSWER("no-answer"), STOPPED("stopped"),
    /** The state directory failed. */
    JOURNAL("journal"),
    /** A purge-then-prefetch job's purge tasks failed or were not done in time: its prefetch is pending. */
    PURGE_WAIT("purge-wait"),
    /** A bug or a broken seam: the exception reaches the caller as it is. */
    INTERNAL("internal");

    private final String wire;

    StopReason(String wire) {
      this.wire = wire;
    }

    String wire() {
      return wire;
    }

    /** What a job stopped for this reason is, as listed: waiting for the quota, refused, else unfinished. */
    static JobEnd jobState(String wire) {
      return QUOTA.wire.equals(wire) ? JobEnd.QUOTA : REFUSED.wire.equals(wire) ? JobEnd.REFUSED : JobEnd.UNFINISHED;
    }
  }

  /** How a job ended so far, as read from its journal; {@link JobStore.Job.State} says it to users. */
  enum JobEnd {
    DONE,
    QUOTA,
    REFUSED,
    UNFINISHED
  }
}
