package dev.refreshcdn;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.refreshcdn.internal.Texts;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The record of one job in a state directory, {@code jobs/<id>/}: {@code job.json} (what was asked, never a
 * secret), {@code urls.txt} (the checked URLs, one a line, in plan order) and {@code journal.jsonl}, one JSON
 * event a line, each forced to disk before the next step: {@code send} before a request goes out, then
 * {@code accepted}, {@code refused} or {@code no-answer}, and {@code stop} when the job ends early. Events
 * name URLs by their indices in {@code urls.txt}, as {@code [from, to)} ranges; a resumed plan maps its own
 * positions back through {@link Resumption#indices}. Every file and directory is created {@linkplain OwnerOnly
 * owner-only}, and a reopened journal first loses a torn last line (see {@link JobRecord} for how one is read).
 */
final class Journal implements AutoCloseable {
  static final String JOBS = "jobs";
  static final String JOB_FILE = "job.json";
  static final String URLS_FILE = "urls.txt";
  static final String EVENTS_FILE = "journal.jsonl";
  private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  final String id;
  private final Settings settings;
  private final FileChannel events;
  /** Held while the job runs: a second run of the same job (another resume, another process) is refused. */
  private final FileLock lock;
  /** Plan position to job index; null when the plan is the job's whole list (always so in a prefetch phase). */
  private int[] indices;
  /** A purge-then-prefetch job in its purge phase: {@link #done()} moves it on to the prefetch. */
  private boolean purgePhase;
  /** The purge phase is done: the next {@link #close()} keeps the journal open for the prefetch phase. */
  private boolean held;

  private Journal(String id, Settings settings, FileChannel events, FileLock lock, int[] indices) {
    this.id = id;
    this.settings = settings;
    this.events = events;
    this.lock = lock;
    this.indices = indices;
    this.purgePhase = settings.prefetch != null && settings.prefetch.purgeFirst != null;
  }

  static Path jobsDir(Path stateDir) {
    return stateDir.resolve(JOBS);
  }

  /** Records a new job of these (checked, distinct) URLs and opens its journal. */
  static Journal create(Settings settings, List<String> urls, int batchSize, Credentials credentials)
      throws IOException {
    Path jobs = jobsDir(settings.stateDir);
    OwnerOnly.createDirectories(jobs);
    Instant now = settings.clock.instant();
    SecureRandom random = new SecureRandom();
    Path dir;
    String id;
    while (true) {
      id = ID_TIME.format(now) + "-" + String.format("%04x", random.nextInt(0x10000));
      try {
        dir = OwnerOnly.createDirectory(jobs.resolve(id));
        break;
      } catch (FileAlreadyExistsException e) {
        // another job started in the same second drew the same suffix: draw again
      }
    }
    writeUrls(dir, urls);
    Map<String, Object> job = jobFile(id, now, settings, urls.size(), batchSize, credentials);
    FileChannel events = openEvents(dir);
    Journal journal = new Journal(id, settings, events, lock(events, id), null);
    journal.write(journal.event(JournalFormat.Event.CREATED).put("urls", urls.size()));
    // Written last and whole (a rename), so a job that lists is a job that can be read and resumed.
    Path partial = dir.resolve(JOB_FILE + ".partial");
    try (FileChannel file = OwnerOnly.open(partial, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING))) {
      ByteBuffer bytes = ByteBuffer.wrap(JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asBytes(job));
      while (bytes.hasRemaining()) {
        file.write(bytes);
      }
      file.force(true);
    }
    Files.move(partial, dir.resolve(JOB_FILE), StandardCopyOption.ATOMIC_MOVE);
    return journal;
  }

  /** The job's URLs, one a line, forced to disk before the job is listed. */
  private static void writeUrls(Path dir, List<String> urls) throws IOException {
    try (BufferedWriter out = new BufferedWriter(Channels.newWriter(OwnerOnly.open(dir.resolve(URLS_FILE),
        Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)), StandardCharsets.UTF_8))) {
      for (String url : urls) {
        out.write(url);
        out.write('\n');
      }
    }
    force(dir.resolve(URLS_FILE));
  }

  /** What {@code job.json} records: every request option, never a secret. */
  private static Map<String, Object> jobFile(String id, Instant now, Settings settings, int urlCount, int batchSize,
      Credentials credentials) {
    Map<String, Object> job = new LinkedHashMap<>();
    job.put("id", id);
    job.put("created", now.toString());
    job.put("version", Limits.VERSION);
    job.put("api", settings.api.name());
    job.put("endpoint", settings.endpoint().toString());
    job.put("directories", settings.directories);
    job.put("flushAll", settings.flushAll);
    job.put("method", settings.method.name());
    job.put("signatureMethod", settings.signatureMethod().name());
    if (settings.area != null) {
      job.put("area", settings.area.name());
    }
    job.put("urlEncode", settings.urlEncode);
    job.put("batchSize", batchSize);
    if (settings.dailyQuota != null) {
      job.put("dailyQuota", settings.dailyQuota);
    }
    if (settings.prefetch != null) {
      job.put(JournalFormat.PREFETCH_KEY, settings.prefetch.journal());
    }
    job.put("urls", urlCount);
    job.put("account", QuotaLedger.account(credentials.secretId()));
    job.put("secretId", Texts.maskId(credentials.secretId()));
    return job;
  }

  /** Opens the journal of the job a resumed plan continues, and records the resumption. */
  static Journal reopen(Settings settings, Resumption resumption) throws IOException {
    Path dir = jobsDir(settings.stateDir).resolve(resumption.jobId);
    FileChannel events = openEvents(dir);
    FileLock lock;
    try {
      lock = lock(events, resumption.jobId);
      if (events.size() != resumption.journalSize) {
        // Someone recorded more since JobStore.resume read the journal: its list of URLs to send is stale.
        lock.release();
        throw new IllegalStateException("job " + resumption.jobId + " has changed since JobStore.resume read it "
            + "(resumed or submitted meanwhile): call JobStore.resume again");
      }
      cutTornTail(dir.resolve(EVENTS_FILE), events);
    } catch (IOException | RuntimeException e) {
      events.close();
      throw e;
    }
    Journal journal = new Journal(resumption.jobId, settings, events, lock, resumption.indices);
    journal.write(journal.event(JournalFormat.Event.RESUME).put("urls", resumption.indices.length).put("resent", resumption.resentUrls)
        .put("api", settings.api.name()).put("endpoint", settings.endpoint().toString())
        .put("area", settings.area == null ? null : settings.area.name())); // what it runs with: JobRecord reads it back
    return journal;
  }

  /**
   * Cuts off a last line without its newline: a write cut short (a full disk, a file size limit) left part of an
   * event, which was never acted on (see {@link JobRecord}); an event appended after it would share its line and be
   * lost with it.
   */
  private static void cutTornTail(Path file, FileChannel events) throws IOException {
    long size = events.size();
    long keep = 0;
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer block = ByteBuffer.allocate(4096);
      for (long end = size; end > 0 && keep == 0; end -= block.capacity()) {
        long start = Math.max(0, end - block.capacity());
        block.clear().limit((int) (end - start));
        while (block.hasRemaining() && in.read(block, start + block.position()) > 0) {
          // fill the block
        }
        for (int i = block.position() - 1; i >= 0 && keep == 0; i--) {
          keep = block.get(i) == '\n' ? start + i + 1 : 0;
        }
      }
    }
    if (keep < size) {
      events.truncate(keep);
      events.force(false);
    }
  }

  /** The job's lock, or a refusal when another run of it holds it, in this process or another. */
  private static FileLock lock(FileChannel events, String id) throws IOException {
    FileLock lock;
    try {
      lock = events.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      events.close();
      throw new IllegalStateException("job " + id + " is running: another submission or resume holds it");
    }
    return lock;
  }

  /** Before a request leaves: its URLs may be acted on from now on. */
  synchronized void sending(int number, int from, int to) throws IOException {
    write(event(JournalFormat.Event.SEND).put("request", number).put("ranges", ranges(from, to)));
  }

  synchronized void accepted(int from, int to, Task task) throws IOException {
    write(event(JournalFormat.Event.ACCEPTED).put("ranges", ranges(from, to)).put("task", task.taskId()).put("count", task.count()));
  }

  /** The service refused the request: its URLs were not acted on by it. */
  /** The service refused the request; an earlier attempt of it may have been acted on ({@code mayHaveReached}). */
  synchronized void refused(int from, int to, String code, String message, boolean dailyQuota, boolean mayHaveReached)
      throws IOException {
    write(event(JournalFormat.Event.REFUSED).put("ranges", ranges(from, to)).put("code", code).put("message", message)
        .put("dailyQuota", dailyQuota).put("mayHaveReached", mayHaveReached));
  }

  synchronized void noAnswer(int from, int to, boolean mayHaveReached, String message) throws IOException {
    write(event(JournalFormat.Event.NO_ANSWER).put("ranges", ranges(from, to)).put("mayHaveReached", mayHaveReached)
        .put("message", message));
  }

  /** The job ends early, for {@code why}. */
  synchronized void stop(JournalFormat.StopReason why, Instant quotaReturns, String message) throws IOException {
    Line event = event(JournalFormat.Event.STOP).put("why", why.wire()).put("message", message);
    if (quotaReturns != null) {
      event.put("quotaReturns", quotaReturns.toString());
    }
    write(event);
  }

  /** Every URL was accepted: the job is done, or a purge-then-prefetch job goes on to its prefetch phase. */
  synchronized void done() throws IOException {
    if (purgePhase) {
      write(event(JournalFormat.Event.PHASE).put("phase", JournalFormat.PREFETCH_PHASE));
      purgePhase = false;
      indices = null;
      held = true;
      return;
    }
    write(event(JournalFormat.Event.DONE));
  }

  /** Closes the journal, which releases the job's lock; once kept open after the purge phase of a two-phase job. */
  @Override
  public synchronized void close() throws IOException {
    if (held) {
      held = false;
      return;
    }
    events.close();
  }

  /** The job's whole list of URLs ({@code urls.txt}), for the prefetch phase of a purge-then-prefetch job. */
  List<String> jobUrls() throws IOException {
    Path file = jobsDir(settings.stateDir).resolve(id).resolve(URLS_FILE);
    List<String> urls = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isEmpty()) {
        urls.add(line);
      }
    }
    return urls;
  }

  /** The job's index ranges of plan positions {@code [from, to)}, merged where they touch. */
  private List<int[]> ranges(int from, int to) {
    List<int[]> ranges = new ArrayList<>();
    if (indices == null) {
      ranges.add(new int[] {from, to});
      return ranges;
    }
    int start = indices[from];
    int previous = start;
    for (int i = from + 1; i < to; i++) {
      if (indices[i] != previous + 1) {
        ranges.add(new int[] {start, previous + 1});
        start = indices[i];
      }
      previous = indices[i];
    }
    ranges.add(new int[] {start, previous + 1});
    return ranges;
  }

  private Line event(JournalFormat.Event kind) {
    return new Line(kind.wire(), settings.clock.instant());
  }

  /**
   * One line of the journal, written whole and forced to disk. An interrupted thread would have its channel
   * closed under it, losing this line and every later one: the flag is set aside for the write and restored.
   */
  private void write(Line event) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap((JSON.std.asString(event.fields) + "\n").getBytes(StandardCharsets.UTF_8));
    boolean interrupted = Thread.interrupted();
    try {
      while (bytes.hasRemaining()) {
        events.write(bytes);
      }
      events.force(false);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static FileChannel openEvents(Path dir) throws IOException {
    return OwnerOnly.open(dir.resolve(EVENTS_FILE), Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND));
  }

  private static void force(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  private static final class Line {
    final Map<String, Object> fields = new LinkedHashMap<>();

    Line(String name, Instant at) {
      fields.put("event", name);
      fields.put("at", at.toString());
    }

    Line put(String name, Object value) {
      fields.put(name, value instanceof List ? rangesAsLists(value) : value);
      return this;
    }

    @SuppressWarnings("unchecked")
    private static Object rangesAsLists(Object value) {
      List<Object> out = new ArrayList<>();
      for (Object item : (List<Object>) value) {
        out.add(item instanceof int[] ? List.of(((int[]) item)[0], ((int[]) item)[1]) : item);
      }
      return out;
    }
  }
}
