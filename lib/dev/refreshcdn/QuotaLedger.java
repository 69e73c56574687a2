package dev.refreshcdn;

import dev.refreshcdn.Area.Quota;
import dev.refreshcdn.internal.Beijing;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.List;

/**
 * What an account has spent of its daily quota, kept in a state directory and shared by every process that
 * uses it: {@code quota/<account>/<urls|dirs|push>-<yyyy-MM-dd>}, one line per change, written under an exclusive
 * file lock so two jobs of one account cannot both take the last of the quota.
 *
 * <p>URLs are counted when a request is about to be sent ({@code +n}) and given back only when the service
 * surely did not act on them ({@code -n}): a request whose answer was lost, or a process killed mid-request,
 * may have spent quota, so it stays counted. A daily-quota refusal from the service marks the day
 * {@code exhausted}, whatever the count says. The account is a hash of the SecretId, never the id itself.
 */
final class QuotaLedger {
  private static final String EXHAUSTED = "exhausted";

  private final Path dir;
  private final String kind;

  /** A ledger per kind: prefetches ({@code push-<day>}) never take from the purge quotas, nor they from it. */
  QuotaLedger(Path stateDir, String secretId, Quota.Kind kind) {
    this.dir = stateDir.resolve("quota").resolve(account(secretId));
    this.kind = kind == Quota.Kind.DIRECTORIES ? "dirs" : kind == Quota.Kind.PREFETCH ? "push" : "urls";
  }

  /** The first 16 hex digits of the SecretId's SHA-256: enough to tell accounts apart, nothing to reveal. */
  static String account(String secretId) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(secretId.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (int i = 0; i < 8; i++) {
        hex.append(String.format("%02x", hash[i]));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** Takes up to {@code want} of what is left of {@code limit} on {@code day}; returns how many were taken. */
  int take(LocalDate day, int want, int limit, String jobId) throws IOException {
    // A file lock keeps other processes out; the class monitor keeps this JVM's other jobs out, as a second
    // lock on one file from the same JVM would throw OverlappingFileLockException instead of waiting.
    // An interrupt would close the channel mid-write: the flag is set aside meanwhile, as in the journal.
    boolean interrupted = Thread.interrupted();
    synchronized (QuotaLedger.class) {
      try (FileChannel file = open(day); FileLock lock = file.lock()) {
        long spent = spent(file);
        int taken = (int) Math.max(0, Math.min(want, limit - spent));
        if (taken > 0) {
          append(file, "+" + taken + " " + jobId);
        }
        return taken;
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /** Gives back {@code count} taken on {@code day} that the service surely did not act on. */
  void giveBack(LocalDate day, int count, String jobId) throws IOException {
    if (count > 0) {
      write(day, "-" + count + " " + jobId);
    }
  }

  /** The service said the quota of {@code day} is spent: nothing more is taken that day. */
  void exhaust(LocalDate day, String jobId) throws IOException {
    write(day, EXHAUSTED + " " + jobId);
  }

  /** What was spent on {@code day}; {@link Long#MAX_VALUE} once the service said the quota is spent. */
  long spent(LocalDate day) throws IOException {
    Path path = path(day);
    if (!Files.exists(path)) {
      return 0;
    }
    try (FileChannel file = FileChannel.open(path, StandardOpenOption.READ)) {
      return spent(file);
    }
  }

  /** The ledger's view of today, for {@link Account#quota()} on the legacy API, which has no quota query. */
  static List<Quota> localQuota(Settings settings, int batchSize) {
    int total = settings.dailyQuotaOrDefault();
    long spent = 0;
    if (settings.stateDir != null) {
      QuotaLedger ledger = new QuotaLedger(settings.stateDir, settings.resolveCredentials().secretId(),
          settings.kind());
      try {
        spent = ledger.spent(Beijing.day(settings.clock.instant()));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("cannot read the quota ledger in " + settings.stateDir, e);
      }
    }
    int available = (int) Math.max(0, Math.min(total, total - spent));
    return List.of(new Quota(settings.kind(), null, batchSize, total, available, false));
  }

  private void write(LocalDate day, String line) throws IOException {
    boolean interrupted = Thread.interrupted(); // see take
    synchronized (QuotaLedger.class) {
      try (FileChannel file = open(day); FileLock lock = file.lock()) {
        append(file, line);
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  private FileChannel open(LocalDate day) throws IOException {
    OwnerOnly.createDirectories(dir);
    return OwnerOnly.open(path(day), java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE));
  }

  private Path path(LocalDate day) {
    return dir.resolve(kind + "-" + day);
  }

  /**
   * Sums the file's lines; a line that does not parse counts for nothing, nor does a last line without its
   * newline: a write cut short, whose request was never sent (see {@link #append}).
   */
  private static long spent(FileChannel file) throws IOException {
    ByteBuffer bytes = ByteBuffer.allocate((int) file.size());
    while (bytes.hasRemaining() && file.read(bytes, bytes.position()) > 0) {
      // read(dst, position) does not move the channel, so the append below still goes to the end
    }
    long spent = 0;
    int whole = bytes.position();
    while (whole > 0 && bytes.get(whole - 1) != '\n') {
      whole--;
    }
    for (String line : new String(bytes.array(), 0, whole, StandardCharsets.UTF_8).split("\n")) {
      String[] fields = line.split(" ");
      if (fields[0].equals(EXHAUSTED)) {
        return Long.MAX_VALUE;
      }
      if (fields[0].matches("[+-][0-9]{1,9}")) {
        spent += Integer.parseInt(fields[0]);
      }
    }
    return spent;
  }

  /**
   * Appends a whole line in one write and forces it to disk before the request it counts is sent. A torn last line
   * (a write cut short: its request was not sent) is cut off first, so that this line does not join it.
   */
  private static void append(FileChannel file, String line) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
    long at = file.size();
    ByteBuffer last = ByteBuffer.allocate(1);
    while (at > 0 && file.read(last.clear(), at - 1) == 1 && last.get(0) != '\n') {
      at--;
    }
    if (at < file.size()) {
      file.truncate(at);
    }
    while (bytes.hasRemaining()) {
      at += file.write(bytes, at);
    }
    file.force(false);
  }
}
