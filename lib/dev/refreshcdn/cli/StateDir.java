package dev.refreshcdn.cli;

import dev.refreshcdn.JobStore.Job;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Where jobs and the quota ledger are kept: --state-dir, else {@code $HOME/.refresh-cdn}. Only the HOME variable
 * counts, never Java's user.home (which ignores it), so a CI job that sets HOME gets its own state.
 */
final class StateDir {
  /** The directory's name under $HOME. */
  static final String NAME = ".refresh-cdn";

  private StateDir() {}

  /** {@code $HOME/.refresh-cdn}, or null when HOME is not set. */
  static Path defaultDir(Map<String, String> env) {
    String home = env.get("HOME");
    return home == null || home.isBlank() ? null : Paths.get(home, NAME);
  }

  /**
   * The state directory of a submission: {@code option} when given; else, unless {@code ephemeral} (a dry run, the
   * in-process emulator), the default; else null (no journal kept).
   */
  static Path forSubmission(Path option, boolean ephemeral, Map<String, String> env) {
    if (option != null) {
      return option.toAbsolutePath();
    }
    return ephemeral ? null : defaultDir(env);
  }

  /**
   * The state directory of a command that reads it (resume, jobs): {@code option}, else the default.
   *
   * @throws UsageException when neither exists
   */
  static Path required(Path option, Map<String, String> env) {
    Path dir = forSubmission(option, false, env);
    if (dir == null) {
      throw new UsageException("HOME is not set, so there is no default state directory: pass --state-dir DIR");
    }
    return dir;
  }

  /**
   * The state directory of a command that only reads it (resume, jobs, quota): like {@link #required}, or null when
   * it is the default and does not exist yet (there is nothing in it). A directory given with --state-dir must exist.
   *
   * @throws UsageException when --state-dir names no directory, or a file; or HOME is not set and none is given
   */
  static Path existing(Path option, Map<String, String> env) {
    Path dir = required(option, env);
    if (Files.isDirectory(dir)) {
      return dir;
    }
    if (Files.exists(dir)) {
      throw new UsageException("the state directory " + dir + " is not a directory"
          + (option == null ? " (it is the default, $HOME/" + NAME + ")" : ""));
    }
    if (option != null) {
      throw new UsageException("no state directory " + dir + " (check --state-dir; a job creates it)");
    }
    return null;
  }

  /**
   * The message of a failure, with a file-system cause said in words instead of as an exception class: which path,
   * and why (e.g. {@code /srv/state/jobs: not a directory}). Other causes are left as the message has them.
   */
  static String explain(RuntimeException e) {
    String message = String.valueOf(e.getMessage());
    Throwable cause = e.getCause();
    if (!(cause instanceof FileSystemException)) {
      return message;
    }
    String why = why((FileSystemException) cause);
    // The library's messages end in the cause (": java.nio.file…Exception: /x"); an UncheckedIOException's do not.
    return message.contains(cause.toString()) ? message.replace(cause.toString(), why) : message + ": " + why;
  }

  /** {@code path: reason} (or {@code path -> other: reason}) for a file-system failure. */
  static String why(FileSystemException e) {
    String reason = e instanceof NotDirectoryException ? "not a directory"
        : e instanceof AccessDeniedException ? "permission denied"
        : e instanceof NoSuchFileException ? "no such file or directory"
        : e instanceof FileAlreadyExistsException ? "a file is in the way"
        : e instanceof DirectoryNotEmptyException ? "directory not empty"
        : e.getReason() != null ? e.getReason() : "cannot be used";
    String where = e.getFile() == null ? "" : e.getFile() + (e.getOtherFile() == null ? "" : " -> " + e.getOtherFile());
    return where.isEmpty() ? reason : where + ": " + reason;
  }

  /** The command that resumes {@code jobId}, naming the state directory unless it is the default. */
  static String resumeCommand(String jobId, Path dir, Map<String, String> env) {
    Path standard = defaultDir(env);
    boolean isDefault = standard != null && standard.toAbsolutePath().normalize().equals(dir.toAbsolutePath().normalize());
    return FollowUp.program(env) + " resume " + jobId + (isDefault ? "" : " --state-dir " + shellQuoted(dir.toString()));
  }

  /** {@code text} as a shell reads it back: as is when it is made of safe characters, else in single quotes. */
  static String shellQuoted(String text) {
    if (!text.isEmpty() && text.matches("[A-Za-z0-9_./:=@%+,-]+")) {
      return text;
    }
    return "'" + text.replace("'", "'\\''") + "'";
  }

  /**
   * The job {@code refresh-cdn resume [JOB]} continues: the one named, else the most recent stopped for a reason that
   * can pass (quota, network failure, interruption, crash; or running, which the resume then refuses) and can be read;
   * null when there is nothing to resume (the named job is done; none can pass).
   *
   * @throws UsageException when no job has that id, or the job named cannot be read
   */
  static Job pick(List<Job> jobs, String id, Path dir, Map<String, String> env) {
    if (id != null) {
      for (Job job : jobs) {
        if (job.id().equals(id) && job.state() == Job.State.UNREADABLE) {
          throw new UsageException("job " + id + " cannot be read: " + job.problem().orElse("")
              + "; nothing was sent");
        }
        if (job.id().equals(id)) {
          return job.state() == Job.State.DONE ? null : job;
        }
      }
      throw new UsageException("no job " + id + " in " + dir + " (" + FollowUp.program(env) + " jobs"
          + (dir.equals(defaultDir(env)) ? "" : " --state-dir " + shellQuoted(dir.toString())) + " lists them)");
    }
    for (int i = jobs.size() - 1; i >= 0; i--) {
      Job.State state = jobs.get(i).state();
      if (state == Job.State.QUOTA || state == Job.State.UNFINISHED || state == Job.State.RUNNING) {
        return jobs.get(i);
      }
    }
    return null;
  }

  /**
   * What the bare {@code refresh-cdn resume} says of the jobs it passed over for {@code picked} (null: none found)
   * because they cannot be read or were refused: one line each, with why.
   */
  static List<String> passedOver(List<Job> jobs, Job picked, FollowUp followUp) {
    List<String> lines = new java.util.ArrayList<>();
    for (int i = jobs.size() - 1; i >= 0 && jobs.get(i) != picked; i--) {
      Job job = jobs.get(i);
      if (job.state() == Job.State.UNREADABLE) {
        lines.add("skipped job " + job.id() + ", which cannot be read: " + job.problem().orElse(""));
      } else if (job.state() == Job.State.REFUSED) {
        lines.add("skipped job " + job.id() + ", which the service refused; once the cause is fixed: "
            + followUp.resume(job.id()));
      }
    }
    return lines;
  }
}
