package dev.refreshcdn.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The command line of refresh-cdn: {@link #run(String...)} for the process (RefreshCdn.java's main), and
 * {@link #run(String[], InputStream, PrintStream, PrintStream, Map)} for a run inside another program, such as a test.
 * The only public type of this package.
 */
public final class RefreshCdnCli {
  private RefreshCdnCli() {}

  /** Runs the command line in this process: its streams, environment, terminal and signals; returns the exit code. */
  public static int run(String... args) {
    return run(Context.process(), args);
  }

  /**
   * Runs the command line with these streams and environment variables (nothing is read from {@code System}); no
   * stream is a terminal and no signal is handled. Returns the exit code; never exits.
   */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
    return run(Context.of(in, out, err, env), args);
  }

  private static int run(Context context, String[] args) {
    try {
      if (versionAlone(args)) {
        return printVersion(context);
      }
      CommandLine commandLine = commandLine(context);
      return commandLine.execute(Placement.of(commandLine.getCommandSpec(), args));
    } finally {
      context.out.flush();
      context.err.flush();
    }
  }

  /** {@code refresh-cdn --version} (or {@code -V}) and nothing else: answered without picocli's model. */
  static boolean versionAlone(String[] args) {
    return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
  }

  /**
   * What picocli prints for {@code --version}, and its exit code, without building the model of every command first:
   * that model (about 170 picocli classes and the reflection over ours) was most of the start-up time of a version
   * check.
   */
  private static int printVersion(Context context) {
    for (String line : new Version().getVersion()) {
      context.out.println(line);
    }
    return Exit.OK;
  }

  /** The root command and its subcommands, each given {@code context}; errors printed and mapped by {@link Errors}. */
  static CommandLine commandLine(Context context) {
    CommandLine commandLine = new CommandLine(RootCommand.class, factory(context));
    commandLine.setOut(new PrintWriter(context.out, true));
    commandLine.setErr(new PrintWriter(context.err, true));
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExitCodeExceptionMapper(new ExitCodes());
    Errors errors = new Errors(context);
    commandLine.setParameterExceptionHandler(errors);
    commandLine.setExecutionExceptionHandler(errors);
    commandLine.setExecutionStrategy(RefreshCdnCli::execute);
    for (String v3Only : new String[] {"prefetch", "status", "quota"}) {
      commandLine.getSubcommands().get(v3Only).setResourceBundle(ConnectionOptions.endpointHelp(v3Only));
    }
    return commandLine;
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
  static void inherit(ParseResult root, ParseResult leaf) {
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
