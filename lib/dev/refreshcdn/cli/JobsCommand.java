package dev.refreshcdn.cli;

import dev.refreshcdn.JobStore;
import dev.refreshcdn.internal.Texts;
import dev.refreshcdn.JobStore.Job;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code refresh-cdn jobs}: the jobs of the state directory with their state. */
@Command(name = JobsCommand.NAME, mixinStandardHelpOptions = true, versionProvider = Version.class,
    sortOptions = false, usageHelpAutoWidth = true,
    subcommands = {JobsCommand.Drop.class, JobsCommand.Prune.class},
    description = {"List the jobs of the state directory, oldest first: id, creation (local time), state (done, "
        + "quota, refused, unfinished, running, unreadable), kind (purge, directories, prefetch, purge+prefetch), URLs "
        + "accepted of all (purge+prefetch: in each phase), URLs pending (each phase's), API and endpoint host; then why a job cannot be read, or which lines of its journal cannot be.",
        "`refresh-cdn jobs drop JOB` deletes a job (it can no longer be resumed); `refresh-cdn jobs prune` deletes "
            + "every done job.", ""})
final class JobsCommand implements Callable<Integer> {
  /** The subcommand's name, also for {@link Subcommands}, which reads it without its annotation. */
  static final String NAME = "jobs";

  @Mixin JobsDirOption state;

  @Option(names = "--json", description = "Print one JSON document with every job.")
  boolean json;

  private final Context context;

  JobsCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    PrintStream out = context.out;
    Map<String, String> env = context.env;
    try {
      Path dir = StateDir.existing(state.dir, env);
      List<Job> jobs = dir == null ? List.of() : JobStore.at(dir).list();
      Path shown = dir != null ? dir : StateDir.defaultDir(env);
      if (json) {
        out.println(JsonReport.text(JsonReport.jobs(jobs, shown.toString())));
      } else if (jobs.isEmpty()) {
        out.println("No jobs in " + shown + ".");
      } else {
        out.print(Tables.jobs(jobs, ZoneId.systemDefault()));
      }
      return Exit.OK;
    } finally {
      out.flush();
    }
  }

  /** {@code refresh-cdn jobs drop JOB…}: deletes jobs, whatever their state. */
  @Command(name = "drop", mixinStandardHelpOptions = true, versionProvider = Version.class,
      sortOptions = false, usageHelpAutoWidth = true,
      description = {"Delete jobs of the state directory, whatever their state: their URLs and journal go, so they "
          + "can no longer be resumed. A running job is refused.", ""},
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:every job named was deleted", "2:no such job, or it is running; nothing was deleted after it"})
  static final class Drop implements Callable<Integer> {
    @Parameters(paramLabel = "JOB", arity = "1..*", description = "A job's id, as `refresh-cdn jobs` lists it.")
    List<String> ids;

    @Mixin JobsDirOption state;

    private final Context context;

    Drop(Context context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Path dir = StateDir.existing(state.dir, context.env);
      if (dir == null) {
        throw new UsageException("no job " + ids.get(0) + ": there is no state directory yet ("
            + StateDir.defaultDir(context.env) + ")");
      }
      JobStore store = JobStore.at(dir);
      for (String id : ids) {
        store.forget(id);
        context.out.println("Dropped job " + id + ".");
      }
      context.out.flush();
      return Exit.OK;
    }
  }

  /** {@code refresh-cdn jobs prune}: deletes the jobs that are done. */
  @Command(name = "prune", mixinStandardHelpOptions = true, versionProvider = Version.class,
      sortOptions = false, usageHelpAutoWidth = true,
      description = {"Delete every done job of the state directory (all its URLs accepted); the others stay.", ""})
  static final class Prune implements Callable<Integer> {
    @Mixin JobsDirOption state;

    private final Context context;

    Prune(Context context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Path dir = StateDir.existing(state.dir, context.env);
      JobStore store = dir == null ? null : JobStore.at(dir);
      List<Job> jobs = store == null ? List.of() : store.list();
      int dropped = 0;
      for (Job job : jobs) {
        if (job.state() == Job.State.DONE) {
          store.forget(job.id());
          dropped++;
        }
      }
      context.out.println("Dropped " + Texts.plural(dropped, "done job") + "; " + Texts.plural(jobs.size() - dropped,
          "job") + " left.");
      context.out.flush();
      return Exit.OK;
    }
  }
}
