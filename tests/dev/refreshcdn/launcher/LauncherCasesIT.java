package dev.refreshcdn.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The cases of tests/launcher/cases.sh, one test each: the ./jbang launcher's cache is the caller's alone and holds
 * data, never code; its fast path works under any umask and gives the program the same arguments and JVM options as
 * JBang would; concurrent launchers fetch JBang and resolve a command once. Each case runs real processes in a
 * directory and a launcher cache of its own, and fails with what the launcher printed.
 */
class LauncherCasesIT {
  private static final Path BASEDIR = Path.of(System.getProperty("refreshcdn.basedir", ".")).toAbsolutePath().normalize();
  private static final Path CASES = BASEDIR.resolve("tests/launcher/cases.sh");

  @TestFactory
  Stream<DynamicTest> eachLauncherCasePasses() throws Exception {
    // given: the cases the script defines
    List<String> names = bash("--list").lines().toList();
    assertFalse(names.isEmpty(), "cases.sh lists no case");
    // when / then: each one exits 0, and says why not otherwise
    return names.stream().map(name -> DynamicTest.dynamicTest(name, () -> bash(name)));
  }

  /** Runs cases.sh with the argument and returns its stdout; fails with its output unless it exits 0. */
  private static String bash(String argument) throws IOException, InterruptedException {
    Path log = Files.createTempFile(Files.createDirectories(BASEDIR.resolve("target")), "launcher-case-", ".log");
    ProcessBuilder builder = new ProcessBuilder("bash", CASES.toString(), argument).directory(BASEDIR.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("LAUNCHER_TEMPLATE", BASEDIR.resolve("target/launcher-template").toString());
    Process process = builder.start();
    boolean finished = process.waitFor(5, TimeUnit.MINUTES);
    if (!finished) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(finished, () -> "cases.sh " + argument + " did not finish in 5 minutes:\n" + output);
    assertEquals(0, process.exitValue(), () -> "cases.sh " + argument + ":\n" + output);
    return output;
  }
}
