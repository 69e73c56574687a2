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

  /** What a refresh continuing the job sends, and how. */
  static Continuation resume(Path stateDir, String jobId) {
    JobRecord record = jobId != null ? find(stateDir, jobId) : latestUnfinished(stateDir);
    if (record.state == JournalFormat.JobEnd.DONE) {
      throw new IllegalArgumentException("job " + record.id + " is done: the service accepted all " + record.urlCount
          + (record.file.directories ? " directories" : " URLs"));
    }
    JobFile job = record.file;
    URI endpoint;
    try {
      endpoint = Endpoints.check(job.endpoint); // what a new job may not use, an edited job file may not either
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
    Settings settings = new Settings().with(s -> {
      s.stateDir = stateDir;
      s.api = job.api;
      s.endpoint = endpoint;
      s.directories = job.directories;
      s.flushAll = job.flushAll;
      s.method = job.method;
      s.area = job.area;
      s.urlEncode = job.urlEncode;
      s.batchSize = job.batchSize;
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

  /** The most recent job not done, passing over those that cannot be read ({@link #list} names them). */
  private static JobRecord latestUnfinished(Path stateDir) {
    List<Path> dirs = jobDirs(stateDir);
    for (int i = dirs.size() - 1; i >= 0; i--) {
      JobRecord record;
      try {
        record = JobRecord.read(dirs.get(i));
      } catch (IOException | RuntimeException e) {
        continue;
      }
      if (record.state != JournalFormat.JobEnd.DONE) {
        return record;
      }
    }
    throw new IllegalArgumentException("no unfinished job in " + Journal.jobsDir(stateDir)
        + (dirs.isEmpty() ? "" : " (" + dirs.size() + " done)"));
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
