package dev.refreshcdn.cli;

import picocli.CommandLine.Option;

/** --json and --quiet: a mixin of submitting and resume. */
final class OutputOptions {
  @Option(names = "--json",
      description = "Print one JSON document on stdout: job_id, tasks, pending and quota_returns, refusal, failed and "
          + "unsent URLs, resent_urls, and with --wait the task statuses.")
  boolean json;

  @Option(names = {"-q", "--quiet"},
      description = "Print only the task ids, one per line (a dry run: its summary; with --json: no progress).")
  boolean quiet;
}
