package dev.refreshcdn.cli;

import java.util.List;
import picocli.CommandLine;

/**
 * The subcommands of refresh-cdn, in the order the help lists them. picocli builds the model of every registered
 * command by reflection before it parses anything; those of the subcommands cost a purge 30 ms of its start (40 ms of
 * CPU, with the launcher's class-data archive; 90 ms without), so they are registered only when the arguments may
 * need them (see {@link #mayBeNeeded}).
 */
final class Subcommands {
  private Subcommands() {}

  /** Registers them all under {@code root}, made by its factory. */
  static void addTo(CommandLine root) {
    for (Class<?> type : List.of(ResumeCommand.class, JobsCommand.class, StatusCommand.class, QuotaCommand.class,
        PrefetchCommand.class, EmulatorCommand.class, CompletionCommand.class)) {
      root.addSubcommand(type);
    }
  }

  /** Their names, in the same order: constants, so that deciding whether they are needed reads no annotation. */
  static List<String> names() {
    return List.of(ResumeCommand.NAME, JobsCommand.NAME, StatusCommand.NAME, QuotaCommand.NAME, PrefetchCommand.NAME,
        EmulatorCommand.NAME, CompletionCommand.NAME);
  }

  /**
   * Whether {@code args} may name a subcommand, or come close to one's name (for "did you mean"), or ask for help,
   * which lists them. When not, and the root command parses them, the subcommands play no part; when the root alone
   * cannot parse them, the whole command line parses them again, so that every error reads as it always did.
   */
  static boolean mayBeNeeded(String[] args) {
    List<String> names = names();
    for (String arg : args) {
      if (arg.equals("--")) {
        return false; // URLs only after it
      }
      if (arg.startsWith("--") ? arg.equals("--help") || arg.equals("--version")
          : arg.startsWith("-") ? arg.indexOf('h') > 0 || arg.indexOf('V') > 0 // -h, -V, -qh: short options together
          : Errors.closestCommand(arg, names) != null) {
        return true;
      }
    }
    return false;
  }
}
