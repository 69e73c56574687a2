package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A lone --version (or -V) is answered without picocli's model, with exactly what picocli would print. */
class VersionFastPathTest {
  private static String[] viaRun(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = RefreshCdnCli.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
    return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
  }

  private static String[] viaPicocli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Context context = Context.of(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
    int code = CommandLines.of(RefreshCdnCli.class, context)
        .execute(args);
    context.out.flush();
    return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
  }

  @Test
  void aLoneVersionOptionPrintsWhatPicocliPrints() {
    for (String option : new String[] {"--version", "-V"}) {
      // given: the fast path takes it
      assertTrue(CommandLines.versionAlone(new String[] {option}), option);
      // when
      String[] fast = viaRun(option);
      String[] picocli = viaPicocli(option);
      // then: the same exit code, stdout and stderr, byte for byte
      assertEquals(picocli[0], fast[0], option);
      assertEquals(picocli[1], fast[1], option);
      assertEquals(picocli[2], fast[2], option);
      assertTrue(fast[1].startsWith("refresh-cdn "), fast[1]);
    }
  }

  @Test
  void versionWithAnythingElseGoesThroughPicocli() {
    // given / when / then: only the lone option is answered early; picocli judges every other combination
    assertFalse(CommandLines.versionAlone(new String[] {"--version", "--json"}));
    assertFalse(CommandLines.versionAlone(new String[] {"jobs", "--version"}));
    assertFalse(CommandLines.versionAlone(new String[] {"--versio"}));
    assertFalse(CommandLines.versionAlone(new String[0]));
    assertEquals(viaPicocli("--version", "--bogus")[0], viaRun("--version", "--bogus")[0]);
  }
}
