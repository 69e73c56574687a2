package dev.refreshcdn.cli;

import dev.refreshcdn.NoAnswerException;
import dev.refreshcdn.RefusedException;
import java.io.UncheckedIOException;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one printer of errors: {@code refresh-cdn: message} on stderr, and under --json the document that says so on
 * stdout; the exit code from {@link ExitCodes}. Parse errors keep picocli's text and short usage, except a bad enum
 * value, which is said as {@code expected v2 or v3: v4} (the option's label).
 */
final class Errors implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
  private final Context context;
  private final CommandLine.IParameterExceptionHandler standard;

  Errors(Context context, CommandLine.IParameterExceptionHandler standard) {
    this.context = context;
    this.standard = standard;
  }

  @Override
  public int handleParseException(ParameterException e, String[] args) throws Exception {
    int exit = standard.handleParseException(enumNamed(e), args);
    if (e.getCommandLine().getCommandSpec().findOption("--json") != null && wantsJson(args)) {
      context.out.println(JsonReport.text(JsonReport.usage(enumNamed(e).getMessage(), exit)));
      context.out.flush();
    }
    return exit;
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
