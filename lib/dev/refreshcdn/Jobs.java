package dev.refreshcdn;

import dev.refreshcdn.internal.Texts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** How the jobs of a state directory are found and read, for {@link JobStore}. */
final class Jobs {
  private Jobs() {}


  /** A job's unaccepted URLs and the job's own settings, which journal into the same job. */
  static final class Continuation {
    final List<String> urls;
    final Settings settings;

    private Continuation(List<String> urls, Settings settings) {
      this.urls = urls;
      this.settings = settings;
    }
  }

  /**
   * What a refresh continuing the job sends, and how: as it last ran, or with {@code api} not null and other than the
   * job's, moved to that API (only from the retired API 2.0 to API 3.0): its pending URLs planned afresh there, with
   * that API's endpoint and request options, as a new job of them would be.
   */
  static Continuation resume(Path stateDir, String jobId, Api api) {
    JobRecord record = jobId != null ? find(stateDir, jobId) : latestResumable(stateDir);
    if (record.state == JournalFormat.JobEnd.DONE) {
      throw new IllegalArgumentException("job " + record.id + " is done: the service accepted all "
          + Texts.count(record.urlCount, record.file.directories));
    }
    boolean moved = api != null && api != record.api;
    if (moved && api != Api.V3) {
      throw new IllegalArgumentException("job " + record.id + " runs on API 3.0; a job moves only from the retired "
          + "API 2.0 to API 3.0");
    }
    JobFile job = record.file;
    URI endpoint;
    try {
      // What a new job may not use, an edited job file may not either.
      endpoint = moved ? Api.V3.defaultEndpoint() : Endpoints.check(record.endpoint);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("job " + record.id + " cannot be resumed as recorded in "
          + record.dir.resolve(Journal.JOB_FILE) + ": " + e.getMessage(), e);
    }
    JobRecord.Resumed rest;
    try {
      rest = record.unaccepted();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the URLs of job " + record.id, e);
    }
    boolean asFirstRun = record.api == job.api; // else the job was moved, and runs with its new API's defaults
    Settings settings = new Settings().with(s -> {
      s.stateDir = stateDir;
      s.api = moved ? api : record.api;
      s.endpoint = endpoint;
      s.directories = job.directories;
      s.flushAll = job.flushAll;
      s.method = !moved && asFirstRun ? job.method : s.method;
      s.area = moved ? null : record.area;
      s.urlEncode = !moved && job.urlEncode;
      s.batchSize = !moved && asFirstRun ? job.batchSize : 0;
      s.dailyQuota = job.dailyQuota;
      // A purge-then-prefetch job past its purge resumes as the prefetch alone.
      s.prefetch = job.prefetch == null || !record.prefetchPhase ? job.prefetch : job.prefetch.withoutPurge();
      s.resumption = new Resumption(record.id, rest.indices, rest.resentUrls, record.journalSize);
    });
    settings = settings.with(s -> s.signatureMethod = CdnApis.of(s).resumedSignatureMethod(job.signatureMethod));
    return new Continuation(rest.urls, settings);
  }

  private static JobRecord find(Path stateDir, String jobId) {
    return read(dirOf(stateDir, jobId));
  }

  /** The directory of the job {@code jobId}, which exists. */
  static Path dirOf(Path stateDir, String jobId) {
    if (!jobId.matches("[0-9A-Za-z-]+")) {
      throw new IllegalArgumentException("not a job id: " + Texts.quote(jobId));
    }
    Path dir = Journal.jobsDir(stateDir).resolve(jobId);
    if (!Files.isRegularFile(dir.resolve(Journal.JOB_FILE))) {
      throw new IllegalArgumentException("no job " + jobId + " in " + Journal.jobsDir(stateDir));
    }
    return dir;
  }

  /**
   * The most recent job stopped for a reason that can pass (the quota, a network failure, an interruption, a crash),
   * passing over those done, refused (resumed only by id, once the cause is fixed) or unreadable.
   */
  private static JobRecord latestResumable(Path stateDir) {
    List<Path> dirs = jobDirs(stateDir);
    JobRecord latest = null;
    for (Path dir : dirs) {
      JobRecord record;
      try {
        record = JobRecord.read(dir);
      } catch (IOException | RuntimeException e) {
        continue;
      }
      boolean resumable = record.state != JournalFormat.JobEnd.DONE && record.state != JournalFormat.JobEnd.REFUSED;
      if (resumable && (latest == null || !record.file.created.isBefore(latest.file.created))) {
        latest = record;
      }
    }
    if (latest != null) {
      return latest;
    }
    throw new IllegalArgumentException("no job stopped by the quota, a network failure or an interruption in "
        + Journal.jobsDir(stateDir) + (dirs.isEmpty() ? "" : " (" + dirs.size() + " done or refused)"));
  }

  private static JobRecord read(Path dir) {
    try {
      return JobRecord.read(dir);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("job " + dir.getFileName() + " cannot be read: " + why(dir, e), e);
    }
  }

  /** Why a job's files cannot be read, in words: the file and what is wrong with it. */
  static String why(Path dir, Exception e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return ((java.nio.file.AccessDeniedException) e).getFile() + ": permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException) {
      java.nio.file.FileSystemException f = (java.nio.file.FileSystemException) e;
      return f.getFile() + ": " + (f.getReason() != null ? f.getReason() : f.getClass().getSimpleName());
    }
    return e instanceof IOException && e.getMessage() != null ? e.getMessage()
        : "in " + dir + ": " + e; // a bug of this reader rather than of the file, said as it is
  }

  /**
   * Whether a submission or resume of the job in {@code dir} runs now, in this process or another: it holds the
   * journal's lock. Asked with a shared lock, so the answer never stops the run it asks about.
   */
  static boolean running(Path dir) {
    Path events = dir.resolve(Journal.EVENTS_FILE);
    if (!Files.isRegularFile(events)) {
      return false;
    }
    try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(events,
        java.nio.file.StandardOpenOption.READ)) {
      java.nio.channels.FileLock lock = channel.tryLock(0, Long.MAX_VALUE, true);
      if (lock == null) {
        return true;
      }
      lock.release();
      return false;
    } catch (java.nio.channels.OverlappingFileLockException e) {
      return true; // held in this process
    } catch (IOException e) {
      return false; // unreadable: listing says why elsewhere
    }
  }

  /** Job directories, oldest first (ids start with their UTC creation time). */
  static List<Path> jobDirs(Path stateDir) {
    Path jobs = Journal.jobsDir(stateDir);
    if (!Files.isDirectory(jobs)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(jobs)) {
      return entries.filter(dir -> Files.isRegularFile(dir.resolve(Journal.JOB_FILE))).sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + jobs, e);
    }
  }
}
