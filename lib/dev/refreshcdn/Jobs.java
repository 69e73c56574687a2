package dev.refreshcdn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The jobs of a state directory: listing them and resuming one. */
final class Jobs {
  private Jobs() {}

  static List<Job> list(Path stateDir) {
    List<Job> jobs = new ArrayList<>();
    for (Path dir : jobDirs(stateDir)) {
      jobs.add(read(dir).toJob());
    }
    return jobs;
  }

  /** A refresh of the job's unaccepted URLs with the job's own settings, journaling into the same job. */
  static Refresh resume(Path stateDir, String jobId) {
    JobRecord record = jobId != null ? find(stateDir, jobId) : latestUnfinished(stateDir);
    if (record.state == Job.State.DONE) {
      throw new IllegalArgumentException("job " + record.id + " is done: the service accepted all " + record.urlCount
          + (Boolean.TRUE.equals(record.job.get("directories")) ? " directories" : " URLs"));
    }
    JobRecord.Resumed rest;
    try {
      rest = record.unaccepted();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the URLs of job " + record.id, e);
    }
    Map<String, Object> job = record.job;
    Settings settings = new Settings().with(s -> {
      s.stateDir = stateDir;
      s.api = Api.valueOf(job.get("api").toString());
      s.endpoint = URI.create(job.get("endpoint").toString());
      s.directories = Boolean.TRUE.equals(job.get("directories"));
      s.flushAll = Boolean.TRUE.equals(job.get("flushAll"));
      s.method = HttpMethod.valueOf(job.get("method").toString());
      if (s.api == Api.V2) { // API 3.0 signs with TC3 whatever the journal's default HMAC
        s.signatureMethod = SignatureMethod.valueOf(job.get("signatureMethod").toString());
      }
      s.area = job.get("area") == null ? null : Area.valueOf(job.get("area").toString());
      s.urlEncode = Boolean.TRUE.equals(job.get("urlEncode"));
      s.batchSize = ((Number) job.get("batchSize")).intValue();
      s.dailyQuota = job.get("dailyQuota") == null ? null : ((Number) job.get("dailyQuota")).intValue();
      s.resumption = new Resumption(record.id, rest.indices, rest.resentUrls, record.journalSize);
    });
    return Refresh.of(rest.urls, settings);
  }

  private static JobRecord find(Path stateDir, String jobId) {
    if (!jobId.matches("[0-9A-Za-z-]+")) {
      throw new IllegalArgumentException("not a job id: " + Texts.quote(jobId));
    }
    Path dir = Journal.jobsDir(stateDir).resolve(jobId);
    if (!Files.isRegularFile(dir.resolve(Journal.JOB_FILE))) {
      throw new IllegalArgumentException("no job " + jobId + " in " + Journal.jobsDir(stateDir));
    }
    return read(dir);
  }

  private static JobRecord latestUnfinished(Path stateDir) {
    List<Path> dirs = jobDirs(stateDir);
    for (int i = dirs.size() - 1; i >= 0; i--) {
      JobRecord record = read(dirs.get(i));
      if (record.state != Job.State.DONE) {
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
      throw new UncheckedIOException("cannot read the job in " + dir,
          e instanceof IOException ? (IOException) e : new IOException(e));
    }
  }

  /** Job directories, oldest first (ids start with their UTC creation time). */
  private static List<Path> jobDirs(Path stateDir) {
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
