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

/** A job read back from its directory: what it was asked and, from the journal, where it stands. */
final class JobRecord {
  final Path dir;
  final String id;
  final Map<String, Object> job;
  final int urlCount;
  final BitSet accepted = new BitSet();
  /** URLs sent whose answer never came, or came without a verdict: the service may have acted on them. */
  final BitSet maybeReached = new BitSet();
  final List<String> taskIds = new ArrayList<>();
  /** The journal's length as read, to tell later whether it changed. */
  long journalSize;
  Job.State state = Job.State.UNFINISHED;
  Instant quotaReturns;
  String lastError;

  private JobRecord(Path dir, Map<String, Object> job) {
    this.dir = dir;
    this.job = job;
    this.id = String.valueOf(job.get("id"));
    this.urlCount = ((Number) job.get("urls")).intValue();
  }

  static JobRecord read(Path dir) throws IOException {
    Map<String, Object> job = JSON.std.mapFrom(Files.readAllBytes(dir.resolve(Journal.JOB_FILE)));
    JobRecord record = new JobRecord(dir, job);
    Path events = dir.resolve(Journal.EVENTS_FILE);
    if (Files.exists(events)) {
      record.journalSize = Files.size(events); // before reading: a line appended meanwhile makes it stale
      try (BufferedReader in = Files.newBufferedReader(events, StandardCharsets.UTF_8)) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          record.apply(line);
        }
      }
    }
    if (record.accepted.cardinality() >= record.urlCount) {
      record.state = Job.State.DONE;
    }
    return record;
  }

  /** Applies one event; a line that is not whole JSON (the last one, torn by a kill) changes nothing. */
  private void apply(String line) {
    Map<String, Object> event;
    try {
      event = JSON.std.mapFrom(line);
    } catch (IOException | RuntimeException e) {
      return;
    }
    String name = String.valueOf(event.get("event"));
    switch (name) {
      case "send":
        forRanges(event, maybeReached, true);
        break;
      case "accepted":
        forRanges(event, accepted, true);
        forRanges(event, maybeReached, false);
        String task = String.valueOf(event.get("task"));
        if (!task.isEmpty()) { // the legacy RefreshCdnDir names no task
          taskIds.add(task);
        }
        break;
      case "refused":
        if (!Boolean.TRUE.equals(event.get("mayHaveReached"))) {
          forRanges(event, maybeReached, false);
        }
        lastError = "code " + event.get("code") + ": " + event.get("message");
        break;
      case "no-answer":
        if (!Boolean.TRUE.equals(event.get("mayHaveReached"))) {
          forRanges(event, maybeReached, false);
        }
        lastError = String.valueOf(event.get("message"));
        break;
      case "stop":
        String why = String.valueOf(event.get("why"));
        state = why.equals("quota") ? Job.State.QUOTA : why.equals("refused") ? Job.State.REFUSED : Job.State.UNFINISHED;
        quotaReturns = event.get("quotaReturns") == null ? null : Instant.parse(event.get("quotaReturns").toString());
        if (event.get("message") != null) {
          lastError = event.get("message").toString();
        }
        break;
      case "resume":
        state = Job.State.UNFINISHED; // until this resumption records how it ended
        quotaReturns = null;
        break;
      default:
        break;
    }
  }

  private static void forRanges(Map<String, Object> event, BitSet bits, boolean value) {
    Object ranges = event.get("ranges");
    if (!(ranges instanceof List)) {
      return;
    }
    for (Object range : (List<?>) ranges) {
      List<?> pair = (List<?>) range;
      bits.set(((Number) pair.get(0)).intValue(), ((Number) pair.get(1)).intValue(), value);
    }
  }

  Job toJob() {
    Object area = job.get("area");
    return new Job(id, Instant.parse(job.get("created").toString()), state, Api.valueOf(job.get("api").toString()),
        URI.create(job.get("endpoint").toString()), Boolean.TRUE.equals(job.get("directories")), urlCount,
        accepted.cardinality(), taskIds, state == Job.State.QUOTA ? quotaReturns : null, lastError);
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
