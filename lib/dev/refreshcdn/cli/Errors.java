package dev.refreshcdn.cli;

import dev.refreshcdn.NoAnswerException;
import dev.refreshcdn.RefusedException;
import java.io.UncheckedIOException;
import java.util.Collection;
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
    String command = args.length > 0 && e.getCommandLine().getCommandSpec().parent() == null
        ? closestCommand(args[0], e.getCommandLine().getCommandSpec().subcommands().keySet()) : null;
    String word = unmatchedWord(e);
    String sub = word == null ? null
        : closestCommand(word, e.getCommandLine().getCommandSpec().subcommands().keySet());
    if (command == null && sub != null) { // refresh-cdn jobs dorp x: one of the subcommands of jobs, misspelt
      CommandSpec spec = e.getCommandLine().getCommandSpec();
      String name = spec.qualifiedName(" ").substring(spec.root().name().length() + 1);
      message = name + " has no subcommand '" + word + "'";
      command = name + " " + sub;
    }
    context.err.println("refresh-cdn: " + message);
    String owner = command == null ? ownerOf(e) : null; // stauts --task 1: status, the subcommand meant
    List<String> suggestions = e instanceof UnmatchedArgumentException && sub == null && owner == null
        ? ((UnmatchedArgumentException) e).getSuggestions() : List.of();
    if (owner != null) { // refresh-cdn --layer middle URL: prefetch's option, not the purge's
      context.err.println("  (" + owner + ")");
    } else if (suggestions.isEmpty() && command != null) {
      context.err.println("  did you mean '" + FollowUp.program(context.env) + " " + command + "'?");
    } else if (!suggestions.isEmpty()) {
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

  /**
   * The command of {@code names} {@code word} was most likely meant to be (a letter or two off, e.g. {@code stauts}),
   * or null: a first argument of the root that is neither an option nor a URL.
   */
  static String closestCommand(String word, Collection<String> names) {
    if (word.startsWith("-") || word.contains("/") || word.contains(".")) {
      return null;
    }
    String closest = null;
    int best = 3;
    for (String name : names) {
      int distance = distance(word.toLowerCase(java.util.Locale.ROOT), name);
      if (distance < best && distance < name.length() / 2 + 1) {
        best = distance;
        closest = name;
      }
    }
    return closest;
  }

  /** Edits (insert, delete, replace, swap two neighbours) that make {@code a} into {@code b}. */
  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      for (int j = 0; j <= b.length(); j++) {
        d[i][j] = i == 0 ? j : j == 0 ? i : Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1),
            d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /** Which subcommand takes the unknown option {@code e} is about, said as {@code --layer is an option of ...}; or null. */
  private String ownerOf(ParameterException e) {
    List<String> unmatched = e instanceof UnmatchedArgumentException
        ? ((UnmatchedArgumentException) e).getUnmatched() : List.of();
    if (unmatched.isEmpty() || !unmatched.get(0).startsWith("-")) {
      return null;
    }
    String option = unmatched.get(0).split("=", 2)[0];
    for (CommandLine sub : e.getCommandLine().getCommandSpec().root().subcommands().values()) {
      if (sub.getCommandSpec().findOption(option) != null) {
        return option + " is an option of '" + FollowUp.program(context.env) + " " + sub.getCommandSpec().name() + "'";
      }
    }
    return null;
  }

  /** The first argument left unmatched by a command that has subcommands, when it is a word; else null. */
  private static String unmatchedWord(ParameterException e) {
    if (!(e instanceof UnmatchedArgumentException) || e.getCommandLine().getCommandSpec().parent() == null
        || e.getCommandLine().getCommandSpec().subcommands().isEmpty()) {
      return null;
    }
    List<String> unmatched = ((UnmatchedArgumentException) e).getUnmatched();
    return unmatched.isEmpty() ? null : unmatched.get(0);
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
