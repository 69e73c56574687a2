package dev.refreshcdn;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * A job read back from its directory: what it was asked and, from the journal, where it stands.
 *
 * <p>A last line without its newline is a write cut short: the step it announced was never taken (a {@code send}
 * is forced to disk before its request leaves), so it is ignored, and {@link Journal#reopen} cuts it off. Any other
 * line that is not a whole event is damage: it is counted out, which can only make more URLs look unconfirmed, so
 * a resumption sends them again; never fewer. {@link #damage()} says which lines, for the user to hear of it.
 */
final class JobRecord {
  /** How many damaged line numbers are named; the rest are counted. */
  private static final int NAMED_LINES = 5;

  final Path dir;
  final JobFile file;
  final String id;
  final int urlCount;
  /**
   * The API, endpoint and area the job last ran with: {@code job.json}'s, unless a resumption changed them (a
   * {@code resume} event records what it runs with, e.g. a job of the retired API 2.0 moved to API 3.0).
   */
  Api api;
  URI endpoint;
  Area area;
  final BitSet accepted = new BitSet();
  /** URLs sent whose answer never came, or came without a verdict: the service may have acted on them. */
  final BitSet maybeReached = new BitSet();
  final List<String> taskIds = new ArrayList<>();
  /** The journal's length as read, to tell later whether it changed. */
  long journalSize;
  JournalFormat.JobEnd state = JournalFormat.JobEnd.UNFINISHED;
  /** A purge-then-prefetch job past its purge: its ranges are the prefetch's. */
  boolean prefetchPhase;
  Instant quotaReturns;
  String lastError;
  /** Numbers (from 1) of the journal's first damaged lines, and how many there are in all. */
  private final List<Long> damagedLines = new ArrayList<>();
  private long damaged;
  private String damageKind;

  private JobRecord(Path dir, JobFile file) {
    this.dir = dir;
    this.file = file;
    this.id = file.id;
    this.urlCount = file.urlCount;
    this.api = file.api;
    this.endpoint = file.endpoint;
    this.area = file.area;
  }

  /** The job in {@code dir}; the IOException says what makes it unreadable. */
  static JobRecord read(Path dir) throws IOException {
    JobRecord record = new JobRecord(dir, JobFile.read(dir));
    Path events = dir.resolve(Journal.EVENTS_FILE);
    if (Files.exists(events)) {
      record.journalSize = Files.size(events); // before reading: a line appended meanwhile makes it stale
      JournalLines.read(events, record::line);
    }
    boolean purging = record.file.prefetch != null && record.file.prefetch.purgeFirst != null && !record.prefetchPhase;
    if (purging && record.accepted.cardinality() >= record.urlCount) {
      // Purged whole, stopped before its phase line: what is left is the prefetch of every URL.
      record.prefetchPhase = true;
      record.accepted.clear();
      record.maybeReached.clear();
    } else if (record.accepted.cardinality() >= record.urlCount) {
      record.state = JournalFormat.JobEnd.DONE;
    }
    return record;
  }

  /** One line of the journal: {@code text} is null when it is not UTF-8, or too long to be an event. */
  private void line(long number, String text, boolean whole) {
    if (!whole) {
      return; // a torn last line: see the class comment
    }
    Map<String, Object> event;
    try {
      event = text == null ? null : JSON.std.mapFrom(text);
      if (event != null && event.get("event") instanceof String && apply(event)) {
        return;
      }
    } catch (IOException | RuntimeException e) {
      // damage, below
    }
    if (damagedLines.size() < NAMED_LINES) {
      damagedLines.add(number);
    }
    damaged++;
    damageKind = text == null ? "not UTF-8 text" : "not a journal event";
  }

  /** Applies one event; false when it does not make sense (ranges outside the job), and changes nothing then. */
  private boolean apply(Map<String, Object> event) {
    int[][] ranges = ranges(event.get("ranges"));
    JournalFormat.Event kind = JournalFormat.Event.of((String) event.get("event"));
    if (kind == null) {
      return true; // a later version's event: nothing this one needs
    }
    switch (kind) {
      case SEND:
        return set(ranges, maybeReached, true);
      case ACCEPTED:
        if (!set(ranges, accepted, true)) {
          return false;
        }
        set(ranges, maybeReached, false);
        String task = String.valueOf(event.get("task"));
        if (!task.isEmpty()) { // the legacy RefreshCdnDir names no task
          taskIds.add(task);
        }
        return true;
      case REFUSED:
      case NO_ANSWER:
        if (!Boolean.TRUE.equals(event.get("mayHaveReached")) && !set(ranges, maybeReached, false)) {
          return false;
        }
        lastError = kind == JournalFormat.Event.REFUSED ? "code " + event.get("code") + ": " + event.get("message")
            : String.valueOf(event.get("message"));
        return true;
      case STOP:
        state = JournalFormat.StopReason.jobState(String.valueOf(event.get("why")));
        quotaReturns = event.get("quotaReturns") == null ? null : Instant.parse(event.get("quotaReturns").toString());
        if (event.get("message") != null) {
          lastError = event.get("message").toString();
        }
        return true;
      case RESUME:
        if (!ranWith(event)) {
          return false;
        }
        state = JournalFormat.JobEnd.UNFINISHED; // until this resumption records how it ended
        quotaReturns = null;
        return true;
      case PHASE: // the prefetch of the same list starts: its URLs are all pending again
        prefetchPhase = JournalFormat.PREFETCH_PHASE.equals(event.get("phase"));
        accepted.clear();
        maybeReached.clear();
        return true;
      default:
        return true;
    }
  }

  /** What a {@code resume} event says the job runs with from then on (an older journal's says nothing). */
  private boolean ranWith(Map<String, Object> event) {
    try {
      Api newApi = event.get("api") == null ? api : Api.valueOf(event.get("api").toString());
      URI newEndpoint = event.get("endpoint") == null ? endpoint : URI.create(event.get("endpoint").toString());
      Area newArea = !event.containsKey("api") ? area
          : event.get("area") == null ? null : Area.valueOf(event.get("area").toString());
      api = newApi;
      endpoint = newEndpoint;
      area = newArea;
      return true;
    } catch (IllegalArgumentException e) {
      return false; // damage: the job goes on as it last ran
    }
  }

  /** The {@code [from, to)} ranges of an event, or null when they are not ranges of this job's URLs. */
  private int[][] ranges(Object value) {
    if (!(value instanceof List)) {
      return null;
    }
    List<?> list = (List<?>) value;
    int[][] ranges = new int[list.size()][];
    for (int i = 0; i < ranges.length; i++) {
      Object pair = list.get(i);
      if (!(pair instanceof List) || ((List<?>) pair).size() != 2 || !(((List<?>) pair).get(0) instanceof Integer)
          || !(((List<?>) pair).get(1) instanceof Integer)) {
        return null;
      }
      int from = (Integer) ((List<?>) pair).get(0);
      int to = (Integer) ((List<?>) pair).get(1);
      if (from < 0 || from >= to || to > urlCount) {
        return null;
      }
      ranges[i] = new int[] {from, to};
    }
    return ranges;
  }

  private static boolean set(int[][] ranges, BitSet bits, boolean value) {
    if (ranges == null) {
      return false;
    }
    for (int[] range : ranges) {
      bits.set(range[0], range[1], value);
    }
    return true;
  }

  /** What is wrong with the journal, for the user; null when nothing is. */
  String damage() {
    if (damaged == 0) {
      return null;
    }
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < damagedLines.size(); i++) {
      lines.append(i == 0 ? "" : ", ").append(damagedLines.get(i));
    }
    return dir.resolve(Journal.EVENTS_FILE) + (damaged == 1 ? ": line " + lines + " is " + damageKind
        : ": " + damaged + " lines cannot be read (line " + lines + (damaged > damagedLines.size() ? ", …" : "")
            + ")") + "; what " + (damaged == 1 ? "it" : "they") + " recorded is not counted, so a resume sends again "
        + "every URL not otherwise confirmed as accepted";
  }


  /** The job's URLs the service has not accepted, and their indices in {@code urls.txt}. */
  Resumed unaccepted() throws IOException {
    List<String> urls = new ArrayList<>(urlCount - accepted.cardinality());
    int[] indices = new int[urlCount - accepted.cardinality()];
    try (BufferedReader in = Files.newBufferedReader(dir.resolve(Journal.URLS_FILE), StandardCharsets.UTF_8)) {
      int index = 0;
      for (String line = in.readLine(); line != null && index < urlCount; line = in.readLine(), index++) {
        if (!accepted.get(index)) {
          indices[urls.size()] = index;
          urls.add(line);
        }
      }
      if (index < urlCount) {
        throw new IOException(dir.resolve(Journal.URLS_FILE) + " lists " + index + " URLs, not " + urlCount);
      }
    }
    BitSet resent = (BitSet) maybeReached.clone();
    resent.andNot(accepted);
    return new Resumed(urls, indices, resent.cardinality());
  }

  static final class Resumed {
    final List<String> urls;
    final int[] indices;
    final int resentUrls;

    Resumed(List<String> urls, int[] indices, int resentUrls) {
      this.urls = urls;
      this.indices = indices;
      this.resentUrls = resentUrls;
    }
  }
}
