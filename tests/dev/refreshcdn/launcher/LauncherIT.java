package dev.refreshcdn.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ./jbang launcher's fast path reuses the command JBang resolved only while nothing it depends on
 * changed: an edited library source must reach the next run, and arguments must arrive verbatim.
 * Runs on a copy of the checkout, so the edit touches nothing real, with a launcher cache of its own (JBang's jars
 * copied from the template cache of tests/launcher/cases.sh).
 */
class LauncherIT {
  private static final Path BASEDIR = Path.of(System.getProperty("refreshcdn.basedir", ".")).toAbsolutePath().normalize();
  private static Path copy;
  private static Path cache;

  @BeforeAll
  static void copyTheScriptAndLibrary() throws IOException, InterruptedException {
    copy = Files.createTempDirectory(Files.createDirectories(BASEDIR.resolve("target")), "launcher-it-");
    for (String file : List.of("jbang", "jbang-catalog.json", "RefreshCdn.java")) {
      Files.copy(BASEDIR.resolve(file), copy.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
    }
    copyTree(BASEDIR.resolve("lib"), copy.resolve("lib"));
    cache = copy.resolve("launcher-cache");
    copyTree(template().resolve("lib"), cache.resolve("lib"));
  }

  /** The template launcher cache, made once by tests/launcher/cases.sh. */
  private static Path template() throws IOException, InterruptedException {
    Process process = new ProcessBuilder("bash", BASEDIR.resolve("tests/launcher/cases.sh").toString(), "--template")
        .directory(BASEDIR.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String path = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertTrue(process.waitFor(5, TimeUnit.MINUTES) && process.exitValue() == 0, "no template launcher cache");
    return Path.of(path);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> sources = Files.walk(from)) {
      for (Path source : (Iterable<Path>) sources::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }

  private static String[] run(String... args) throws Exception {
    return run(Map.of(), args);
  }

  private static String[] run(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(copy.resolve("jbang").toString(), "refresh-cdn"));
    command.addAll(Arrays.asList(args));
    Path out = Files.createTempFile(copy, "out", ".txt");
    Path err = Files.createTempFile(copy, "err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).directory(copy.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("TENCENTCLOUD_") || name.startsWith("JBANG_")
        || name.startsWith("REFRESH_CDN_") || name.equals("JAVA_TOOL_OPTIONS") || name.equals("JDK_JAVA_OPTIONS"));
    builder.environment().put("REFRESH_CDN_LAUNCHER_DEBUG", "1"); // it says on stderr which route it took
    builder.environment().put("JBANG_LAUNCHER_CACHE", cache.toString());
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly); // JBang's JVM would keep the lock
      process.destroyForcibly();
      throw new AssertionError("./jbang did not finish in 5 minutes: " + command);
    }
    return new String[] {Integer.toString(process.exitValue()), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8)};
  }

  @Test
  void jvmOptionsMeantForTheScriptDoNotBreakJBangsOwnRun() throws Exception {
    // given: an option that makes a JVM print to stdout as it starts, which JBang's own stdout (the command
    // to run) must not catch
    Path recording = copy.resolve("flight.jfr");
    // when
    String[] result = run(Map.of("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=filename=" + recording), "--version");
    // then: the script ran, with the option
    assertEquals("0", result[0], result[2]);
    assertTrue(result[1].contains("refresh-cdn "), result[1]);
    assertTrue(Files.size(recording) > 0, "the script's JVM recorded");
  }

  @Test
  void aClosedStandardInputReadsAsEmpty() throws Exception {
    // when: stdin closed, not merely empty (the JVM would otherwise open its own image as fd 0)
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", "exec \"$0\" refresh-cdn --dry-run <&-", copy.resolve("jbang").toString())
        .directory(copy.toFile()).redirectErrorStream(true);
    builder.environment().put("JBANG_LAUNCHER_CACHE", cache.toString());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(5, TimeUnit.MINUTES));
    // then
    assertEquals(2, process.exitValue(), output);
    assertTrue(output.contains("no URLs given"), output);
  }

  @Test
  void anEditedLibrarySourceReachesTheNextRunAndArgumentsArriveVerbatim() throws Exception {
    // given: a run that fills the fast-path cache, then one that uses it
    String[] first = run("--version");
    assertEquals("0", first[0], first[2]);
    String version = first[1].strip();
    String[] cached = run("--version");
    assertEquals(version, cached[1].strip());
    assertTrue(cached[2].contains("jbang launcher: fast path: refresh-cdn"), "the second run should take the fast path: " + cached[2]);
    // when: the library's version constant (Limits.VERSION, which Refresh.VERSION names) is edited in the copy
    Path refresh = copy.resolve("lib/dev/refreshcdn/Limits.java");
    String source = Files.readString(refresh);
    String changed = source.replaceFirst("VERSION = \"[^\"]+\"", "VERSION = \"9.9.9-launcher-it\"");
    assertTrue(!changed.equals(source), "Limits.VERSION not found");
    Files.writeString(refresh, changed);
    // then: the next run is built from the edited source, not the cached command
    String[] edited = run("--version");
    assertEquals("refresh-cdn 9.9.9-launcher-it", edited[1].strip());
    assertTrue(edited[2].contains("no valid cached command"), edited[2]);
    // and an argument with spaces, quotes, $ and a backtick reaches the script as typed
    String awkward = "https://www.test.com/a b\"c'$HOME`x`";
    String[] rejected = run("--dry-run", awkward);
    assertEquals("2", rejected[0], rejected[1] + rejected[2]);
    assertTrue((rejected[1] + rejected[2]).contains("a b\\\"c'$HOME`x`"), rejected[1] + rejected[2]);
  }
}
