package dev.refreshcdn.cli;

import dev.refreshcdn.Api;
import dev.refreshcdn.Area;
import dev.refreshcdn.internal.Texts;
import dev.refreshcdn.JobStore;
import dev.refreshcdn.JobStore.Job;
import dev.refreshcdn.Plan;
import dev.refreshcdn.Refresh;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code refresh-cdn resume [JOB]}: sends what a journaled job has not had accepted. */
@Command(name = ResumeCommand.NAME, mixinStandardHelpOptions = true, versionProvider = Version.class,
    sortOptions = false, usageHelpAutoWidth = true,
    description = {
        "Continue a job of the state directory after a quota stop (exit 5), a crash, an interruption or a network "
            + "failure: send exactly the URLs the service has not accepted, with the job's API, endpoint and request "
            + "options. A request whose answer was lost is sent again (a refresh is idempotent; only quota is spent) "
            + "and counted as resent.",
        "",
        "Without JOB, the most recent job stopped for a reason that can pass (quota, network, interruption) is "
            + "resumed, and named; a job that was refused, or cannot be read, is passed over and said so. A refused "
            + "job is resumed by its id once the cause is fixed: --area, --endpoint and --api v3 (for a job of the "
            + "retired API 2.0, its pending URLs planned afresh on API 3.0) correct it, and the journal keeps the "
            + "correction for later resumes. Credentials and connection options are given as for a new job: they "
            + "are never journaled.",
        ""},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every pending URL was submitted, or nothing was left to resume",
        "2:usage error, no such job or state directory, the job is running or cannot be read, or its recorded "
            + "endpoint is one a new job may not use (plain http off loopback); nothing was sent",
        "3:refused", "4:no usable answer", "5:the daily quota is still spent: nothing more was sent",
        "6:after --wait, a task failed", "7:--wait timed out", "130:interrupted (SIGINT), as a new job is",
        "143:terminated (SIGTERM), as a new job is"})
final class ResumeCommand implements Callable<Integer> {
  /** The subcommand's name, also for {@link Subcommands}, which reads it without its annotation. */
  static final String NAME = "resume";

  @Parameters(paramLabel = "JOB", arity = "0..1",
      description = "The job's id, as `refresh-cdn jobs` lists it (default: the most recent job stopped by the "
          + "quota, a network failure or an interruption).")
  String jobId;

  @Mixin JobsDirOption state;

  @Option(names = "--api", paramLabel = "v3", completionCandidates = Candidates.V3.class,
      description = "v3: move a job of the retired API 2.0 to API 3.0: its pending URLs are planned afresh there, "
          + "with API 3.0's endpoint (or --endpoint); later resumes stay on API 3.0 (default: the job's own API).")
  Api api;

  @Option(names = "--area", paramLabel = "mainland|overseas", completionCandidates = Candidates.PurgeAreas.class,
      description = "API 3.0 only: purge only in this area from now on, e.g. after a refusal that named the area "
          + "(default: the job's own).")
  Area area;

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
      Job job = dir == null ? null : StateDir.pick(jobs, jobId, dir, env);
      if (jobId == null) {
        FollowUp later = new FollowUp(dir, env).credentials(credentials.profile, credentials.file);
        StateDir.passedOver(jobs, job, later).forEach(line -> err.println("refresh-cdn: " + line));
      }
      if (dir == null && jobId != null) {
        throw new UsageException("no job " + jobId + ": there is no state directory yet ("
            + StateDir.defaultDir(env) + ")");
      }
      if (job == null) {
        return nothingToResume(dir);
      }
      if (job.state() == Job.State.RUNNING) {
        throw new UsageException("job " + job.id() + " is running: another submission or resume holds it; nothing "
            + "was sent");
      }
      Api target = checkCorrections(job);
      send.checkWait(target, job.directories(), true);
      Refresh refresh = JobStore.at(dir).resume(job.id(), target);
      if (area != null) {
        refresh = refresh.area(area);
      }
      URI usual = target == job.api() ? job.endpoint() : target.defaultEndpoint();
      refresh = connection.applyTo(refresh, usual, false, context);
      refresh = send.applyTo(credentials.resolve(context, false).applyTo(refresh), dir);
      if (dailyQuota != null) {
        refresh = refresh.dailyQuota(dailyQuota);
      }
      Plan plan = refresh.batch();
      job.problem().ifPresent(problem -> err.println("refresh-cdn: " + problem));
      if (!output.json && !output.quiet) {
        out.println("Resuming job " + job.id() + (jobId == null ? " (" + why(job) + ")" : "") + ": "
            + (job.kind() == Job.Kind.PURGE_THEN_PREFETCH ? Tables.accepted(job) + ", " + job.pendingUrls()
            + " pending" : job.pendingUrls() + " of " + Texts.count(job.urlCount(), job.directories()) + " pending, "
            + job.acceptedUrls() + " accepted before") + (target != job.api() ? ", moved to API 3.0." : "."));
        out.flush();
      }
      Refresh asked = refresh;
      FollowUp followUp = new FollowUp(dir, env).target(target, plan.endpoint())
          .credentials(credentials.profile, credentials.file);
      return new Reporter(out, err, output.json, output.quiet).on(context).followUp(followUp).directories(job.directories())
          .purgeFirst(job.kind() == Job.Kind.PURGE_THEN_PREFETCH)
          .submit(plan, null, send.waitTimeout(), () -> Questions.quotaLeft(asked, job.directories(), true));
    } finally {
      out.flush();
    }
  }

  /** Why a bare resume took this job: the most recent that stopped for a reason that can pass. */
  private static String why(Job job) {
    return "the most recent job " + (job.state() == Job.State.QUOTA ? "stopped by the daily quota"
        : "stopped without a verdict: " + job.lastError().orElse("interrupted, or a crash"));
  }

  /** The API the job goes on with; --api and --area checked against it, before anything is sent. */
  private Api checkCorrections(Job job) {
    Api target = api != null ? api : job.api();
    if (job.api() == Api.V3 && target == Api.V2) {
      throw new UsageException("job " + job.id() + " runs on API 3.0: it cannot move back to the retired API 2.0");
    }
    if (area != null && target == Api.V2) {
      throw new UsageException("--area applies to API 3.0 only, and job " + job.id() + " was made with the legacy "
          + "API 2.0: add --api v3 to resume it on API 3.0");
    }
    return target;
  }

  /** Nothing to resume: said, with exit 0. */
  private int nothingToResume(Path dir) {
    String message = (jobId == null ? "no job stopped by the quota, a network failure or an interruption in "
        + (dir != null ? dir : StateDir.defaultDir(context.env)) : "job " + jobId + " is done") + ": nothing to resume";
    if (output.json) {
      context.out.println(JsonReport.text(JsonReport.withJob(JsonReport.nothingToResume(message), jobId, 0, null, 0)));
    } else if (!output.quiet) {
      context.out.println(message + ".");
    }
    return Exit.OK;
  }
}
