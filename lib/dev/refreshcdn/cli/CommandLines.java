package dev.refreshcdn.cli;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Builds the configured command line {@link RefreshCdnCli} runs: commands made with the run's {@link Context}, errors
 * printed and mapped by {@link Errors}, options given above a subcommand handed down to it; and answers a lone
 * {@code --version} without building it.
 */
final class CommandLines {
  private CommandLines() {}

  /** {@code refresh-cdn --version} (or {@code -V}) and nothing else: answered without picocli's model. */
  static boolean versionAlone(String[] args) {
    return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
  }

  /**
   * What picocli prints for {@code --version}, and its exit code, without building the model of every command first:
   * that model (about 170 picocli classes and the reflection over ours) was most of the start-up time of a version
   * check.
   */
  static int printVersion(Context context) {
    for (String line : new Version().getVersion()) {
      context.out.println(line);
    }
    return Exit.OK;
  }

  /**
   * Parses {@code args} and runs the command they name: with the {@code root} command alone when they need no
   * subcommand ({@link Subcommands#mayBeNeeded}), else, or when the root alone cannot parse them, with every command.
   */
  static int execute(Class<?> root, Context context, String[] args) {
    if (!Subcommands.mayBeNeeded(args)) {
      CommandLine alone = of(root, context, false);
      RootAlone handler = new RootAlone(alone.getParameterExceptionHandler());
      alone.setParameterExceptionHandler(handler);
      alone.setExecutionStrategy(handler);
      int code = alone.execute(args);
      if (!handler.unparsed) {
        return code;
      }
    }
    CommandLine commandLine = of(root, context);
    return commandLine.execute(Placement.of(commandLine.getCommandSpec(), args));
  }

  /** The {@code root} command and its subcommands, each given {@code context}; errors printed and mapped by Errors. */
  static CommandLine of(Class<?> root, Context context) {
    return of(root, context, true);
  }

  private static CommandLine of(Class<?> root, Context context, boolean withSubcommands) {
    CommandLine commandLine = new CommandLine(root, factory(context));
    if (withSubcommands) {
      Subcommands.addTo(commandLine); // before the settings below, which picocli hands down to those already there
    }
    commandLine.setOut(new PrintWriter(context.out, true));
    commandLine.setErr(new PrintWriter(context.err, true));
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExitCodeExceptionMapper(new ExitCodes());
    Errors errors = new Errors(context);
    commandLine.setParameterExceptionHandler(errors);
    commandLine.setExecutionExceptionHandler(errors);
    commandLine.setExecutionStrategy(CommandLines::execute);
    for (String v3Only : withSubcommands ? new String[] {PrefetchCommand.NAME, StatusCommand.NAME, QuotaCommand.NAME} : new String[0]) {
      commandLine.getSubcommands().get(v3Only).setResourceBundle(ConnectionOptions.endpointHelp(v3Only));
    }
    return commandLine;
  }

  /**
   * The root command without its subcommands: when it cannot parse the arguments it prints nothing and says so
   * ({@link #unparsed}), for every command to parse them again; an error of the run after the parse is handled as
   * always.
   */
  private static final class RootAlone implements CommandLine.IParameterExceptionHandler,
      CommandLine.IExecutionStrategy {
    private final CommandLine.IParameterExceptionHandler errors;
    private boolean parsed;
    boolean unparsed;

    RootAlone(CommandLine.IParameterExceptionHandler errors) {
      this.errors = errors;
    }

    @Override
    public int execute(ParseResult parsedArgs) {
      parsed = true;
      return CommandLines.execute(parsedArgs);
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) throws Exception {
      if (parsed) {
        return errors.handleParseException(e, args);
      }
      unparsed = true;
      return Exit.USAGE;
    }
  }

  /** Commands are made with the run's {@link Context}; mixins and converters as picocli makes them. */
  private static CommandLine.IFactory factory(Context context) {
    CommandLine.IFactory standard = CommandLine.defaultFactory();
    return new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
          Class<?>[] parameters = constructor.getParameterTypes();
          if (parameters.length == 1 && parameters[0] == Context.class) {
            return type.cast(constructor.newInstance(context));
          }
        }
        return standard.create(type);
      }
    };
  }

  /** Help first; then the options given before a subcommand's name are given to it; then the last command runs. */
  private static int execute(ParseResult parsed) {
    Integer help = CommandLine.executeHelpRequest(parsed);
    if (help != null) {
      return help;
    }
    ParseResult leaf = parsed;
    while (leaf.hasSubcommand()) {
      leaf = leaf.subcommand();
    }
    for (ParseResult above = parsed; above != leaf; above = above.subcommand()) {
      inherit(above, leaf); // refresh-cdn --state-dir X jobs drop ID: the options of each command above the last
    }
    return new CommandLine.RunLast().execute(parsed);
  }

  /**
   * Options of a command given before its subcommand's name that the subcommand does not take itself (but a
   * subcommand of it does: {@code refresh-cdn --state-dir X jobs drop ID}) count as given after it, unless given there
   * too; one the last subcommand does not take is a usage error, never silently dropped. {@link Placement} moved the
   * others after the name already.
   */
  private static void inherit(ParseResult root, ParseResult leaf) {
    CommandSpec target = leaf.commandSpec();
    if (!root.matchedPositionals().isEmpty()) {
      throw new ParameterException(leaf.commandSpec().commandLine(), "URLs go without a subcommand: "
          + target.qualifiedName() + " takes none before its name");
    }
    for (OptionSpec given : root.matchedOptions()) {
      OptionSpec own = target.findOption(given.longestName());
      if (own == null) {
        throw new ParameterException(leaf.commandSpec().commandLine(), given.longestName() + " does not apply to "
            + target.qualifiedName());
      }
      if (!leaf.hasMatchedOption(own)) {
        own.setValue(given.getValue());
      }
    }
  }
}
