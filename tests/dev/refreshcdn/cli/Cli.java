package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Runs the real command line, {@code ./jbang refresh-cdn …} from the repository root, as a separate process with a
 * clean environment: no TENCENTCLOUD_*, proxy, REFRESH_CDN_API, JVM option or JBANG_* variables, and HOME pointing at
 * {@link #HOME}.
 */
final class Cli {
  static final Path BASEDIR = Path.of(System.getProperty("refreshcdn.basedir", ".")).toAbsolutePath().normalize();
  /** Generous: the first launch may fetch JBang and compile the script. */
  static final Duration TIMEOUT = Duration.ofMinutes(5);
  /**
   * The HOME of every run, kept between runs: the launcher keys its cached command on HOME, so a stable one keeps
   * launches on the fast path. Tests that put credential files in it remove them afterwards.
   */
  static final Path HOME = BASEDIR.resolve("target/cli-it-home");

  static {
    // The state of an earlier run is not this run's: its quota ledger, kept per day, would stop today's jobs.
    deleteTree(HOME.resolve(".refresh-cdn"));
  }

  /** How hints spell the command of a run through the launcher (it exports REFRESH_CDN_COMMAND as it was called). */
  static final String COMMAND = BASEDIR.resolve("jbang") + " refresh-cdn";

  static final String SECRET_ID = "AKIDcliTESTexampleEXAMPLE00001234";
  static final String SECRET_KEY = "cliTestSecretKeyThatMustNeverBePrinted";

  private final List<String> command = new ArrayList<>();
  private final Map<String, String> env = new HashMap<>();
  private String stdin;
  private Path stdinFile;
  private InputStream stdinStream;
  private String umask;

  private Cli(List<String> command) {
    this.command.addAll(command);
    env.putAll(System.getenv());
    // Anything that would change what the command does or how it is launched: credentials, proxies, the API,
    // extra JVM options, and JBang's own settings (the launcher caches under XDG_CACHE_HOME, kept below).
    env.keySet().removeIf(name -> name.startsWith("TENCENTCLOUD_") || name.equals("TCCLI_PROFILE")
        || name.equalsIgnoreCase("https_proxy") || name.equalsIgnoreCase("http_proxy")
        || name.equalsIgnoreCase("no_proxy") || name.equals("REFRESH_CDN_API")
        || name.equals("JAVA_TOOL_OPTIONS") || name.equals("JDK_JAVA_OPTIONS") || name.startsWith("JBANG_"));
    String realHome = System.getenv().getOrDefault("HOME", System.getProperty("user.home"));
    // The launcher caches JBang under $XDG_CACHE_HOME (default $HOME/.cache): keep it where it is.
    env.putIfAbsent("XDG_CACHE_HOME", Path.of(realHome, ".cache").toString());
    env.put("HOME", HOME.toString());
  }

  /** {@code ./jbang refresh-cdn ARGS}. */
  static Cli refreshCdn(String... args) {
    List<String> command = new ArrayList<>(List.of(BASEDIR.resolve("jbang").toString(), "refresh-cdn"));
    command.addAll(Arrays.asList(args));
    return new Cli(command);
  }

  /** {@code ./jbang ARGS}, e.g. an example script. */
  static Cli jbang(String... args) {
    List<String> command = new ArrayList<>(List.of(BASEDIR.resolve("jbang").toString()));
    command.addAll(Arrays.asList(args));
    return new Cli(command);
  }

  /** {@code sh -c SCRIPT} from the repository root, for arguments that only a shell spells, e.g. bytes not UTF-8. */
  static Cli sh(String script) {
    return new Cli(List.of("sh", "-c", script));
  }

  /** Sets the test credentials in the environment, as TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY. */
  Cli withCredentials() {
    return env("TENCENTCLOUD_SECRET_ID", SECRET_ID).env("TENCENTCLOUD_SECRET_KEY", SECRET_KEY);
  }

  Cli env(String name, String value) {
    env.put(name, value);
    return this;
  }

  Cli stdin(String text) {
    this.stdin = text;
    return this;
  }

  /** Standard input read from {@code file}, which may be endless (/dev/urandom). */
  Cli stdin(Path file) {
    this.stdinFile = file;
    return this;
  }

  /** Standard input copied from {@code in} until the command exits or stops reading: for endless input. */
  Cli stdin(InputStream in) {
    this.stdinStream = in;
    return this;
  }

  /** Runs the command under this umask (octal, e.g. {@code 000}), set by a shell that then execs it. */
  Cli umask(String mask) {
    this.umask = mask;
    return this;
  }

  /** What a finished run left: its exit code, stdout and stderr. */
  record Result(int exit, String out, String err) {
    String all() {
      return out + "\n" + err;
    }

    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
    }
  }

  /** Runs to completion; stdin is the given text, or empty (not a terminal) when none was given. */
  Result run() {
    try {
      Files.createDirectories(HOME);
      Path dir = Files.createTempDirectory("refresh-cdn-it");
      Path in = dir.resolve("stdin");
      Path out = dir.resolve("stdout");
      Path err = dir.resolve("stderr");
      Files.writeString(in, stdin == null ? "" : stdin, StandardCharsets.UTF_8);
      ProcessBuilder builder = builder().redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.redirectInput(stdinStream != null ? ProcessBuilder.Redirect.PIPE
          : ProcessBuilder.Redirect.from(stdinFile != null ? stdinFile.toFile() : in.toFile()));
      Process process = builder.start();
      if (stdinStream != null) {
        feed(process);
      }
      if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        // The launcher is a shell script: its java child would outlive it and keep the test JVM's files open.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        fail("timed out after " + TIMEOUT + ": " + command + "\n" + Files.readString(err));
      }
      return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Starts a long-running command whose stdout lines can be awaited; its stderr is kept in a file. */
  Running start() {
    try {
      Files.createDirectories(HOME);
      Path err = Files.createTempFile("refresh-cdn-it", ".stderr");
      Process process = builder().redirectInput(ProcessBuilder.Redirect.PIPE)
          .redirectError(err.toFile()).start();
      process.getOutputStream().close();
      return new Running(process, err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies {@link #stdinStream} to the process on a daemon thread; its end (the process exited) ends the copy. */
  private void feed(Process process) {
    Thread feeder = new Thread(() -> {
      try (OutputStream to = process.getOutputStream()) {
        stdinStream.transferTo(to);
      } catch (IOException e) {
        // the command stopped reading: a broken pipe is how endless input ends
      }
    }, "cli-stdin");
    feeder.setDaemon(true);
    feeder.start();
  }

  private ProcessBuilder builder() {
    List<String> command = this.command;
    if (umask != null) {
      command = new ArrayList<>(List.of("sh", "-c", "umask " + umask + " && exec \"$0\" \"$@\""));
      command.addAll(this.command);
    }
    ProcessBuilder builder = new ProcessBuilder(command).directory(BASEDIR.toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    return builder;
  }

  /** A running process whose stdout is read line by line on a background thread. */
  static final class Running implements AutoCloseable {
    private final Process process;
    private final Path err;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final StringBuffer out = new StringBuffer();
    private final Thread reader;

    Running(Process process, Path err) {
      this.process = process;
      this.err = err;
      this.reader = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line = r.readLine(); line != null; line = r.readLine()) {
            out.append(line).append('\n');
            lines.add(line);
          }
        } catch (IOException e) {
          // the process was stopped
        }
      }, "cli-stdout");
      reader.setDaemon(true);
      reader.start();
    }

    /** Sends the signal {@code name} (e.g. INT, TERM) to the command: the launcher execs java, so it is java's pid. */
    void signal(String name) throws IOException, InterruptedException {
      Process kill = new ProcessBuilder("kill", "-s", name, String.valueOf(process.pid())).inheritIO().start();
      if (kill.waitFor() != 0) {
        fail("kill -s " + name + " " + process.pid() + " failed");
      }
    }

    /** Waits for the command to end; what it left, as {@link #run()} returns it. */
    Result waitForExit() throws InterruptedException, IOException {
      if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        fail("still running after " + TIMEOUT + "; stdout so far:\n" + out + "\nstderr:\n" + Files.readString(err));
      }
      reader.join(TIMEOUT.toMillis());
      return new Result(process.exitValue(), out.toString(), Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Waits for the next line matching {@code wanted}, failing after {@link #TIMEOUT}. */
    String await(Predicate<String> wanted) throws InterruptedException {
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (System.nanoTime() < deadline) {
        String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (line == null) {
          break;
        }
        seen.add(line);
        if (wanted.test(line)) {
          return line;
        }
      }
      String stderr;
      try {
        stderr = Files.readString(err, StandardCharsets.UTF_8);
      } catch (IOException e) {
        stderr = e.toString();
      }
      return fail("no such line within " + TIMEOUT + "; saw: " + seen + (process.isAlive() ? "" : " (process exited "
          + process.exitValue() + ")") + "\nstderr:\n" + stderr);
    }

    /** Kills the command with SIGKILL, as a CI runner or the OOM killer would: no shutdown hook runs. */
    void kill() throws InterruptedException {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Whether the command is still running. */
    boolean isAlive() {
      return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + root, e);
    }
  }
}
