package dev.refreshcdn.cli;

import dev.refreshcdn.emulator.Emulator;
import dev.refreshcdn.emulator.Tenant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code refresh-cdn emulator}: a local stand-in for the service until interrupted. Its --secret-key is a
 * command-line value only because it is the emulator's own fake key, never a real one.
 */
@Command(name = EmulatorCommand.NAME, mixinStandardHelpOptions = true, versionProvider = Version.class,
    sortOptions = false, usageHelpAutoWidth = true,
    description = {
        "Run a local stand-in for the CDN refresh API on loopback until interrupted, logging one line per request.",
        "",
        "Without --secret-id and --secret-key it generates a key pair and prints it with a ready-to-paste export "
            + "line. --secret-key is accepted on the command line only because it is the emulator's own fake key: "
            + "never pass a real key here.",
        ""})
final class EmulatorCommand implements Callable<Integer> {
  /** The subcommand's name, also for {@link Subcommands}, which reads it without its annotation. */
  static final String NAME = "emulator";

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
      description = "Loopback port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--secret-id", paramLabel = "ID", description = "The emulated account's SecretId (fake).")
  String secretId;

  @Option(names = "--secret-key", paramLabel = "KEY", description = "The emulated account's SecretKey (fake).")
  String secretKey;

  @Option(names = "--domain", paramLabel = "HOST", defaultValue = "www.test.com",
      description = "A domain the account owns, online; repeatable (default: ${DEFAULT-VALUE}).")
  List<String> domains;

  @Option(names = "--request-log", paramLabel = "FILE", description = "Also append every request as a JSON line to FILE.")
  Path requestLog;

  @Option(names = "--daily-url-quota", paramLabel = "N",
      description = "URLs the account may refresh a day, per area (default: 10000); raise it for benchmarks.")
  Integer dailyUrlQuota;

  @Option(names = "--daily-dir-quota", paramLabel = "N",
      description = "Directories the account may refresh a day, per area (default: 100).")
  Integer dailyDirQuota;

  @Option(names = "--daily-prefetch-quota", paramLabel = "N",
      description = "URLs the account may prefetch (PushUrlsCache) a day, per area; 0 refuses every prefetch "
          + "(default: 1000, at most 500 a request).")
  Integer dailyPrefetchQuota;

  @Option(names = "--task-completion", paramLabel = "DURATION", converter = Converters.ToDuration.class,
      description = "How long after submission a task reports done (a prefetch's Percent rises until then), e.g. 0s or 2m "
          + "(default: 5s).")
  Duration taskCompletion;

  @Option(names = "--failing-tasks", paramLabel = "TEXT",
      description = "Tasks with a URL containing TEXT end failed instead of done, to try --wait; repeatable.")
  List<String> failingTasks = new ArrayList<>();

  private final Context context;

  EmulatorCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if ((secretId == null) != (secretKey == null)) {
      context.err.println("refresh-cdn emulator: give both --secret-id and --secret-key, or neither");
      return Exit.USAGE;
    }
    Emulator.Builder builder = Emulator.builder();
    String[] hosts = domains.toArray(new String[0]);
    try {
      builder.port(port);
      if (dailyUrlQuota != null) {
        builder.dailyUrlQuota(dailyUrlQuota);
      }
      if (dailyDirQuota != null) {
        builder.dailyDirQuota(dailyDirQuota);
      }
      if (dailyPrefetchQuota != null) {
        builder.dailyPrefetchQuota(dailyPrefetchQuota);
      }
      if (taskCompletion != null) {
        builder.taskCompletion(taskCompletion);
      }
      failingTasks.forEach(builder::failingTasks);
      if (secretId == null) {
        builder.account(Tenant.generate(hosts));
      } else {
        builder.account(secretId, secretKey, hosts);
      }
    } catch (IllegalArgumentException e) {
      context.err.println("refresh-cdn emulator: " + e.getMessage());
      return Exit.USAGE;
    }
    if (requestLog != null) {
      builder.requestLog(requestLog);
    }
    Emulator emu;
    try {
      emu = builder.start();
    } catch (UncheckedIOException e) {
      // A port in use or a request log that cannot be opened: the user's to fix, like a bad option.
      IOException cause = e.getCause();
      context.err.println("refresh-cdn emulator: " + (requestLog != null && cause instanceof FileSystemException
          ? "cannot open the request log " + requestLog : e.getMessage()) + ": " + cause);
      return Exit.USAGE;
    }
    context.out.println("Point refresh-cdn at it: " + FollowUp.program(context.env) + " --endpoint " + emu.endpointV3()
        + " https://" + hosts[0] + "/");
    context.out.flush();
    emu.runUntilInterrupted(context.out);
    return Exit.OK;
  }
}
