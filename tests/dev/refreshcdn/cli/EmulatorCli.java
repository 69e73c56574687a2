package dev.refreshcdn.cli;

import dev.refreshcdn.emulator.Emulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For a test of the command line against the emulator ({@code @RegisterExtension}): an emulator with the test
 * account, which holds www.test.com, started by the test with its own options; refresh-cdn run in-process against
 * its API 3.0 endpoint, with the test's credentials and a state directory of the test's own; both gone after it.
 */
final class EmulatorCli implements BeforeEachCallback, AfterEachCallback {
  private Path state;
  private Emulator emu;

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    state = Files.createTempDirectory("refresh-cdn-state");
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    if (emu != null) {
      emu.close();
    }
    try (Stream<Path> files = Files.walk(state)) {
      for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(file);
      }
    }
  }

  /** Starts the emulator {@code builder} describes (closing any started before), with the test account. */
  void start(Emulator.Builder builder) {
    if (emu != null) {
      emu.close();
    }
    emu = builder.account(Cli.SECRET_ID, Cli.SECRET_KEY, "www.test.com").start();
  }

  Emulator emu() {
    return emu;
  }

  Path state() {
    return state;
  }

  /** {@code refresh-cdn ARGS --endpoint EMULATOR --state-dir STATE}, in-process, with the test credentials. */
  Cli.Result refreshCdn(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--endpoint", emu.endpointV3().toString(), "--state-dir", state.toString()));
    return InProcess.refreshCdn(all.toArray(new String[0])).withCredentials().run();
  }
}
