package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code refresh-cdn completion bash|zsh} prints picocli's completion script, which zsh reads through bashcompinit. */
class CompletionTest {
  @Test
  void bashAndZshGetAScriptThatCompletesTheSubcommandsAndOptions() {
    // when
    Cli.Result bash = InProcess.refreshCdn("completion", "bash").run();
    Cli.Result zsh = InProcess.refreshCdn("completion", "zsh").run();
    Cli.Result fish = InProcess.refreshCdn("completion", "fish").run();
    // then
    assertEquals(0, bash.exit(), bash::toString);
    assertTrue(bash.out().contains("complete -F _complete_refresh-cdn"), bash::toString);
    assertTrue(bash.out().contains("resume jobs status quota prefetch emulator completion"), "the subcommands");
    assertTrue(bash.out().contains("--state-dir") && bash.out().contains("--wait-timeout"), "the options");
    assertEquals(0, zsh.exit(), zsh::toString);
    assertTrue(zsh.out().contains("bashcompinit"), "zsh loads bash's completion");
    assertEquals(2, fish.exit(), fish::toString);
  }
}
