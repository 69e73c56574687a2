package dev.refreshcdn.cli;

import dev.refreshcdn.JobStore;
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

/** {@code refresh-cdn jobs}: the jobs of the state directory with their state. */
@Command(name = "jobs", mixinStandardHelpOptions = true, versionProvider = Version.class,
    sortOptions = false, usageHelpAutoWidth = true,
    description = {"List the jobs of the state directory, oldest first: id, creation (local time), state (done, "
        + "quota, refused, unfinished, unreadable), URLs accepted of all, URLs pending, API and endpoint host; then "
        + "why a job cannot be read, or which lines of its journal cannot be.", ""})
final class JobsCommand implements Callable<Integer> {
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
}
