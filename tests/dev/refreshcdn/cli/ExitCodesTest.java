package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** The one map from what went wrong to the exit code, for the failures the CLI raises itself. */
class ExitCodesTest {
  @Test
  void whatTheUserCanFixIs2AndAnythingUnforeseenIs1() {
    // when / then
    assertEquals(2, ExitCodes.of(new UsageException("bad")));
    assertEquals(2, ExitCodes.of(new IllegalArgumentException("out of range")));
    assertEquals(2, ExitCodes.of(new UncheckedIOException(new IOException("state dir"))));
    assertEquals(2, ExitCodes.of(new IllegalStateException("the job is running")));
    assertEquals(1, ExitCodes.of(new NullPointerException()));
    assertEquals(1, new ExitCodes().getExitCode(new AssertionError("internal")));
  }
}
