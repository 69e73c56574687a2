package dev.refreshcdn.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Options given before a subcommand's name that the subcommand takes are moved after its name, before picocli parses
 * the line: {@code refresh-cdn --header X:y prefetch URL} is {@code refresh-cdn prefetch --header X:y URL}, and
 * {@code --area global} is read by prefetch's own {@code --area}, not the purge's. Done at each level of nesting. What
 * the subcommand does not take stays where it was: the command above parses it, and {@link RefreshCdnCli} refuses it
 * as not applying, or picocli as unknown.
 */
final class Placement {
  private Placement() {}

  /** {@code args} with the options before the first subcommand name that it takes moved after that name. */
  static String[] of(CommandSpec command, String[] args) {
    List<int[]> spans = new ArrayList<>(); // [start, end) of each option before the subcommand's name
    int at = 0;
    while (at < args.length && !args[at].equals("--") && !command.subcommands().containsKey(args[at])) {
      int end = at + 1;
      if (isOption(args[at])) {
        OptionSpec option = anyOption(command, name(args[at]));
        end = option == null || args[at].contains("=") ? end : end + values(command, option, args, end);
        spans.add(new int[] {at, Math.min(end, args.length)});
      }
      at = end;
    }
    if (at >= args.length || args[at].equals("--")) {
      return args;
    }
    CommandSpec sub = command.subcommands().get(args[at]).getCommandSpec();
    List<String> rest = Arrays.asList(args).subList(at + 1, args.length);
    List<String> head = new ArrayList<>();
    List<String> moved = new ArrayList<>();
    int from = 0;
    for (int[] span : spans) {
      head.addAll(Arrays.asList(args).subList(from, span[0]));
      OptionSpec own = sub.findOption(name(args[span[0]]));
      List<String> tokens = Arrays.asList(args).subList(span[0], span[1]);
      boolean help = own != null && (own.usageHelp() || own.versionHelp());
      if (own == null || help) {
        head.addAll(tokens);
      } else if (own.isMultiValue() || !givenIn(sub, own, rest)) {
        moved.addAll(tokens); // given after the name too, a single value is the one given there
      }
      from = span[1];
    }
    head.addAll(Arrays.asList(args).subList(from, at));
    head.add(args[at]);
    moved.addAll(rest);
    head.addAll(Arrays.asList(of(sub, moved.toArray(new String[0]))));
    return head.toArray(new String[0]);
  }

  private static boolean isOption(String arg) {
    return arg.startsWith("-") && arg.length() > 1;
  }

  private static String name(String arg) {
    int equals = arg.indexOf('=');
    return equals < 0 ? arg : arg.substring(0, equals);
  }

  /** The command's option of that name, else one of a subcommand's (to know how many values follow it). */
  private static OptionSpec anyOption(CommandSpec command, String name) {
    OptionSpec option = command.findOption(name);
    for (CommandLine sub : command.subcommands().values()) {
      option = option != null ? option : sub.getCommandSpec().findOption(name);
    }
    return option;
  }

  /** How many of the arguments from {@code next} are the values of {@code option}, as picocli would take them. */
  private static int values(CommandSpec command, OptionSpec option, String[] args, int next) {
    int values = option.arity().min();
    boolean optional = option.arity().max() > values && next + values < args.length;
    if (optional && !isOption(args[next + values]) && !command.subcommands().containsKey(args[next + values])) {
      values++;
    }
    return values;
  }

  private static boolean givenIn(CommandSpec sub, OptionSpec option, List<String> args) {
    for (String arg : args) {
      if (arg.equals("--")) {
        return false;
      }
      if (isOption(arg) && sub.findOption(name(arg)) == option) {
        return true;
      }
    }
    return false;
  }
}
