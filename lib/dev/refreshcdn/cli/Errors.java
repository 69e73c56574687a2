package dev.refreshcdn.cli;

import dev.refreshcdn.NoAnswerException;
import dev.refreshcdn.RefusedException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one printer of errors: {@code refresh-cdn: message} on stderr, and under --json the document that says so on
 * stdout; the exit code from {@link ExitCodes}. A usage mistake is a few lines, never the whole help: picocli's
 * message (a bad enum value said as {@code expected v2 or v3: v4}, the option's label), the closest option or
 * subcommand when there is one, and where the help is.
 */
final class Errors implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
  private final Context context;

  Errors(Context context) {
    this.context = context;
  }

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    String message = enumNamed(e).getMessage();
    int exit = ExitCodes.of(e);
    context.err.println("refresh-cdn: " + message);
    List<String> suggestions = e instanceof UnmatchedArgumentException
        ? ((UnmatchedArgumentException) e).getSuggestions() : List.of();
    if (!suggestions.isEmpty()) {
      context.err.println("  did you mean " + String.join(" or ", suggestions.subList(0, Math.min(3,
          suggestions.size()))) + "?");
    }
    context.err.println("  see '" + help(e.getCommandLine().getCommandSpec(), context.env) + "'");
    if (e.getCommandLine().getCommandSpec().findOption("--json") != null && wantsJson(args)) {
      context.out.println(JsonReport.text(JsonReport.usage(message, exit)));
    }
    context.out.flush();
    return exit;
  }

  /** {@code refresh-cdn [SUBCOMMAND] --help}, spelled as the user runs refresh-cdn. */
  static String help(CommandSpec command, Map<String, String> env) {
    String name = command.qualifiedName(" ").substring(command.root().name().length()); // e.g. " jobs prune"
    return FollowUp.program(env) + name + " --help";
  }

  /** A failed command: its message and, under --json, its document. */
  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    int exit = command.getExitCodeExceptionMapper().getExitCode(e);
    String message = e instanceof UncheckedIOException ? StateDir.explain((RuntimeException) e) : e.getMessage();
    context.err.println("refresh-cdn: " + message);
    if (json(command.getCommandSpec())) {
      Map<String, Object> doc = JsonReport.usage(message, exit);
      if (e instanceof RefusedException || e instanceof NoAnswerException) {
        doc.put("status", e instanceof RefusedException ? "refused" : "no_answer");
      }
      context.out.println(JsonReport.text(doc));
    }
    context.out.flush();
    return exit;
  }

  /** Whether --json was given to {@code command} (or before its name). */
  static boolean json(CommandSpec command) {
    OptionSpec json = command.findOption("--json");
    return json != null && Boolean.TRUE.equals(json.getValue());
  }

  /** Whether --json is an option among {@code args} (not a URL after {@code --}). */
  private static boolean wantsJson(String[] args) {
    for (String arg : args) {
      if (arg.equals("--")) {
        return false;
      }
      if (arg.equals("--json")) {
        return true;
      }
    }
    return false;
  }

  /** A bad value of an enum option, said with the option's label: {@code expected POST or GET: PUT}. */
  private static ParameterException enumNamed(ParameterException e) {
    ArgSpec arg = e.getArgSpec();
    if (!(arg instanceof OptionSpec) || !arg.type().isEnum() || e.getValue() == null
        || !e.getMessage().startsWith("Invalid value for option")) {
      return e;
    }
    OptionSpec option = (OptionSpec) arg;
    return new ParameterException(e.getCommandLine(), "Invalid value for option '" + option.longestName()
        + "': expected " + option.paramLabel().replace("|", " or ") + ": " + e.getValue(), e, arg, e.getValue());
  }
}
