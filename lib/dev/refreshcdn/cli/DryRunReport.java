package dev.refreshcdn.cli;

import dev.refreshcdn.internal.Texts;
import dev.refreshcdn.Api;
import dev.refreshcdn.Plan.DryRun;
import dev.refreshcdn.Plan;
import dev.refreshcdn.Refresh;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What --dry-run prints: the requests as they would be sent, redacted, and what today's quota would let through. */
final class DryRunReport {
  private final RefreshCdnCli command;
  private final PrintStream out;

  DryRunReport(RefreshCdnCli command) {
    this.command = command;
    this.out = command.out;
  }

  /** Prints the dry run; {@code quota}, when not null, is its line on today's quota. */
  int print(Plan plan, Creds creds, Input entries, String emulated, String quota, Api chosen) {
    if (command.output.json) {
      out.println(JsonReport.text(JsonReport.dryRun(plan, creds.describe(), entries, emulated)));
      return Exit.OK;
    }
    DryRun run = plan.dryRun();
    DryRun.Request first = run.requests().get(0);
    out.println("Dry run: " + Texts.plural(run.requests().size(), first.method() + " request") + ", "
        + Texts.count(run.urlCount(), command.directories) + ", " + run.bytes() + " bytes to " + plan.endpoint()
        + "; nothing was sent.");
    if (command.output.quiet) {
      return Exit.OK;
    }
    if (quota != null) {
      out.println(quota);
    }
    if (chosen == Api.V3) {
      out.println("When sent, requests are cut further to the batch DescribePurgeQuota reports for the account "
          + "(a dry run asks nothing).");
    }
    out.println("Signed with " + creds.describe() + ".");
    out.println("The Signature and the SecretKey are redacted.");
    new Reporter(out, command.err, false, false).notes(plan);
    // Requests carry consecutive runs of the plan's URLs: the first and last of each are read there, not copied out.
    List<String> urls = plan.urls();
    int from = 0;
    for (DryRun.Request request : run.requests()) {
      int to = from + request.urlCount();
      out.println("  request " + request.number() + ": " + Texts.count(request.urlCount(), command.directories) + ", "
          + request.bytes() + " bytes, "
          + (to - from == 1 ? urls.get(from) : urls.get(from) + " … " + urls.get(to - 1)));
      from = to;
      if (command.connection.verbose) {
        out.println("    " + request.preview());
      }
    }
    if (!command.connection.verbose) {
      out.println("Request 1 as it would be sent (-v shows every request):");
      out.println("    " + first.preview());
    }
    return Exit.OK;
  }


  /**
   * A dry run's line on today's quota, when it is known without asking the service: the ledger of the state
   * directory (--state-dir, else the default one if it exists; read, never written) less --daily-quota or the
   * documented daily quota, or --daily-quota alone. Null when it would take a request (API 3.0 without
   * --daily-quota) or nothing is known (no ledger, no --daily-quota).
   */
  String quotaLine(Refresh refresh, Api chosen, Creds creds, int count) {
    if (chosen == Api.V3 && command.dailyQuota == null) {
      return null; // DescribePurgeQuota is a request, and a dry run sends none
    }
    Path ledger = command.stateDirOption != null ? command.stateDirOption.toAbsolutePath() : StateDir.defaultDir(command.context.env);
    if (ledger != null && !Files.isDirectory(ledger) || creds.placeholder()) {
      ledger = null; // no ledger yet, or no account to read it for
    }
    if (ledger == null && command.dailyQuota == null) {
      return null;
    }
    int total = command.dailyQuota != null ? command.dailyQuota : command.directories ? Refresh.DEFAULT_DAILY_DIR_QUOTA
        : Refresh.DEFAULT_DAILY_QUOTA;
    int left = total;
    String source = command.dailyQuota != null ? "--daily-quota " + command.dailyQuota : total + " a day";
    if (ledger != null) {
      try {
        // The ledger is per account, whatever the API: read it the way the legacy API's quota query does.
        left = Questions.quotaLeft(refresh.api(Api.V2).stateDir(ledger).dailyQuota(total), command.directories, true);
        source += ", less today's ledger in " + ledger;
      } catch (RuntimeException e) {
        return null; // an unreadable ledger: the dry run itself does not need it
      }
    } else {
      source += "; no ledger read";
    }
    return quotaLine(left, source, count, command.directories);
  }

  /** {@code Quota: N left today (SOURCE): } then whether {@code count} fit, or how many would be kept pending. */
  static String quotaLine(int left, String source, int count, boolean directories) {
    String fit = count <= left ? (count == 1 ? "it fits." : "all " + Texts.count(count, directories) + " fit.")
        : left + " of these " + Texts.count(count, directories) + " would be sent today, " + (count - left)
            + " kept pending (exit 5).";
    return "Quota: " + Texts.count(left, directories) + " left today (" + source + "): " + fit;
  }
}
