package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's JShell and Groovy examples run as written, through ./jbang, against an in-process emulator. */
class ExamplesIT {
  private static final Pattern TASK = Pattern.compile("(?m)^task \\S+: \\d URLs$");

  @Test
  void theJShellExampleSubmitsAndShowsARefusal() {
    // when
    Cli.Result r = Cli.jbang("examples/refresh.jsh").run();
    // then
    assertEquals(0, r.exit(), r::toString);
    assertEquals(2, TASK.matcher(r.out()).results().count(), r::toString);
    assertTrue(r.out().contains("refused: code ResourceNotFound.CdnHostNotExists, message "), r::toString);
  }

  @Test
  void theGroovyExampleSubmitsAndShowsARefusal() {
    // when
    Cli.Result r = Cli.jbang("examples/refresh.groovy").run();
    // then
    assertEquals(0, r.exit(), r::toString);
    assertEquals(3, TASK.matcher(r.out()).results().count(), r::toString);
    assertTrue(r.out().contains("submitted 5 URLs in 3 tasks"), r::toString);
    assertTrue(r.out().contains("refused: code ResourceNotFound.CdnHostNotExists, message "), r::toString);
  }
}
