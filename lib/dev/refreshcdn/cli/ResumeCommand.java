package dev.refreshcdn.cli;

import dev.refreshcdn.internal.Texts;
import dev.refreshcdn.JobStore;
import dev.refreshcdn.JobStore.Job;
import dev.refreshcdn.Plan;
import dev.refreshcdn.Refresh;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code refresh-cdn resume [JOB]}: sends what a journaled job has not had accepted. */
@Command(name = "resume", mixinStandardHelpOptions = true, versionProvider = Version.class,
    sortOptions = false, usageHelpAutoWidth = true,
    description = {
        "Continue a job of the state directory after a quota stop (exit 5), a crash, a kill or a network failure: "
            + "send exactly the URLs the service has not accepted, with the job's API, endpoint and request options. "
            + "A request whose answer was lost is sent again (a refresh is idempotent; only quota is spent) and "
            + "counted as resent.",
        "",
        "Credentials and connection options are given as for a new job: they are never journaled. Without JOB, a "
            + "job that cannot be read is passed over, and said so.",
        ""},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every pending URL was submitted, or nothing was left to resume",
        "2:usage error, no such job or state directory, the job is running or cannot be read, or its recorded "
            + "endpoint is one a new job may not use (plain http off loopback); nothing was sent",
        "3:refused", "4:no usable answer", "5:the daily quota is still spent: nothing more was sent",
        "6:after --wait, a task failed", "7:--wait timed out", "130:interrupted (SIGINT), as a new job is",
        "143:terminated (SIGTERM), as a new job is"})
final class ResumeCommand implements Callable<Integer> {
  @Parameters(paramLabel = "JOB", arity = "0..1",
      description = "The job's id, as `refresh-cdn jobs` lists it (default: the most recent job not done).")
  String jobId;

  @Mixin JobsDirOption state;

  @Option(names = "--daily-quota", paramLabel = "N",
      description = "Send at most N a day (URLs, or directories for a directory job) for this SecretId, Beijing "
          + "time, counting what the ledger recorded today (default: the job's own, as it was submitted; else for "
          + "an API 3.0 job what DescribePurgeQuota says, for an API 2.0 job 10000 URLs, 100 directories); the rest is kept "
          + "pending and the exit code is 5.")
  Integer dailyQuota;

  @Mixin SendOptions send;
  @Mixin ConnectionOptions connection;
  @Mixin CredentialOptions credentials;
  @Mixin OutputOptions output;

  private final Context context;

  ResumeCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    PrintStream out = context.out;
    PrintStream err = context.err;
    Map<String, String> env = context.env;
    try {
      Path dir = StateDir.existing(state.dir, env);
      List<Job> jobs = dir == null ? List.of() : JobStore.at(dir).list();
      Job job = dir == null ? null : StateDir.pick(jobs, jobId, dir);
      if (jobId == null) {
        StateDir.passedOver(jobs, job).forEach(line -> err.println("refresh-cdn: " + line));
      }
      if (dir == null && jobId != null) {
        throw new UsageException("no job " + jobId + ": there is no state directory yet ("
            + StateDir.defaultDir(env) + ")");
      }
      if (job == null) {
        String message = (jobId == null ? "no unfinished job in " + (dir != null ? dir : StateDir.defaultDir(env))
            : "job " + jobId + " is done") + ": nothing to resume";
        if (output.json) {
          out.println(JsonReport.text(JsonReport.withJob(JsonReport.nothingToResume(message), jobId, 0, null, 0)));
        } else if (!output.quiet) {
          out.println(message + ".");
        }
        return Exit.OK;
      }
      RootCommand.checkWait(job.api(), job.directories(), send.waitTimeout() != null, send.waitOption(), true);
      Refresh refresh = connection.applyTo(JobStore.at(dir).resume(job.id()), job.endpoint(), false, context);
      refresh = send.applyTo(credentials.resolve(context, false).applyTo(refresh), dir);
      if (dailyQuota != null) {
        refresh = refresh.dailyQuota(dailyQuota);
      }
      Plan plan = refresh.batch();
      job.problem().ifPresent(problem -> err.println("refresh-cdn: " + problem));
      if (!output.json && !output.quiet) {
        out.println("Resuming job " + job.id() + ": " + job.pendingUrls() + " of "
            + Texts.count(job.urlCount(), job.directories()) + " pending, " + job.acceptedUrls()
            + " accepted before.");
        out.flush();
      }
      Refresh asked = refresh;
      FollowUp followUp = new FollowUp(dir, env).target(job.api(), plan.endpoint())
          .credentials(credentials.profile, credentials.file);
      if (connection.endpoint != null && !plan.endpoint().equals(job.endpoint())) {
        followUp.endpointOverride(connection.endpoint); // the journal keeps the endpoint the job was submitted to
      }
      return new Reporter(out, err, output.json, output.quiet).on(context).followUp(followUp).directories(job.directories())
          .submit(plan, null, send.waitTimeout(), () -> Questions.quotaLeft(asked, job.directories(), true));
    } finally {
      out.flush();
    }
  }
}
