package dev.refreshcdn.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code refresh-cdn completion bash|zsh}: the shell completion script, as picocli generates it. */
@Command(name = CompletionCommand.NAME, mixinStandardHelpOptions = true, versionProvider = Version.class,
    usageHelpAutoWidth = true,
    description = {"Print a completion script (bash or zsh) for the subcommands and options of refresh-cdn.",
        "Load it in the current shell, or from ~/.bashrc or ~/.zshrc:",
        "  source <(refresh-cdn completion bash)",
        "  source <(refresh-cdn completion zsh)", ""})
final class CompletionCommand implements Callable<Integer> {
  /** The subcommand's name, also for {@link Subcommands}, which reads it without its annotation. */
  static final String NAME = "completion";

  /** The shells the script is for: zsh reads bash's through bashcompinit, which the script turns on. */
  enum Shell { bash, zsh }

  @Parameters(paramLabel = "bash|zsh", description = "The shell.")
  Shell shell;

  @Spec CommandSpec spec;

  private final Context context;

  CompletionCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    context.out.print(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
    context.out.flush();
    return Exit.OK;
  }
}
