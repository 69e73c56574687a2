package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A purge that names no subcommand is parsed by the root command alone, and reads exactly as with every command. */
class SubcommandsTest {
  private static final String URL = "https://www.test.com/a.jpg";

  private static String[] run(boolean everyCommand, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Context context = Context.of(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
    int code = everyCommand ? CommandLines.of(RefreshCdnCli.class, context).execute(args)
        : CommandLines.execute(RefreshCdnCli.class, context, args);
    context.out.flush();
    return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
  }

  @Test
  void onlyArgumentsThatMayNameASubcommandOrAskForHelpNeedThem() {
    // given / when / then
    assertFalse(Subcommands.mayBeNeeded(new String[] {URL, "--area", "mainland", "-q", "-i", "urls.txt"}));
    assertFalse(Subcommands.mayBeNeeded(new String[] {"--dry-run", "--", "status"}), "after --, URLs only");
    for (String[] args : List.of(new String[] {"status"}, new String[] {"--state-dir", "x", "jobs"},
        new String[] {"stauts", "--task", "1"}, new String[] {"-h"}, new String[] {"--help"}, new String[] {"-qh"},
        new String[] {"--version", "--json"}, new String[] {URL, "-V"})) {
      assertTrue(Subcommands.mayBeNeeded(args), String.join(" ", args));
    }
  }

  @Test
  void theirNamesAreTheRegisteredOnes() {
    // given / when / then: the names read from the annotations are those picocli registers, in the help's order
    Context context = Context.of(new ByteArrayInputStream(new byte[0]), System.out, System.err, Map.of());
    assertEquals(List.copyOf(CommandLines.of(RefreshCdnCli.class, context).getSubcommands().keySet()),
        Subcommands.names());
  }

  @Test
  void usageErrorsOfAPurgeReadAsTheyDoWithEveryCommand() {
    for (String[] args : List.of(new String[] {"--bogus", URL}, new String[] {"--task", "1", URL},
        new String[] {"--layer", "middle", URL}, new String[] {"--area", "nowhere", URL}, new String[] {"-i"},
        new String[] {"--json", "--parallel", "x", URL}, new String[] {"--dry-run", "--wait", URL})) {
      // given: arguments that name no subcommand, so the root alone parses them first
      assertFalse(Subcommands.mayBeNeeded(args), String.join(" ", args));
      // when
      String[] lean = run(false, args);
      String[] full = run(true, args);
      // then: the same exit code, stdout and stderr, byte for byte
      assertArrayEquals(full, lean, String.join(" ", args));
      assertEquals("2", lean[0], String.join(" ", args) + ": " + lean[2]);
    }
  }
}
