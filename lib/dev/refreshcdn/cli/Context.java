package dev.refreshcdn.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * What one run of the command line reads and writes: its streams, environment and home directory, whether a stream is
 * a terminal, and whether SIGINT/SIGTERM are watched. {@link #process()} is the only reader of {@code System.*} in
 * this package, so a run in a test's JVM sees only what the test gave it.
 */
final class Context {
  final InputStream in;
  final PrintStream out;
  final PrintStream err;
  final Map<String, String> env;
  final Path home;
  private final boolean process;

  private Context(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Path home,
      boolean process) {
    this.in = in;
    this.out = out;
    this.err = err;
    this.env = Map.copyOf(env);
    this.home = home;
    this.process = process;
  }

  /**
   * This process: stdout buffered (flushed by each command before it returns), stderr flushed on every line, both
   * UTF-8; $HOME first, then user.home (which ignores $HOME).
   */
  static Context process() {
    PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
        false, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    return new Context(new FileInputStream(FileDescriptor.in), out, err, System.getenv(), Home.directory(), true);
  }

  /** A run inside another program: no stream is a terminal, no signal is watched, the home is $HOME of {@code env}. */
  static Context of(InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
    return new Context(in, out, err, env, Path.of(env.getOrDefault("HOME", "")), false);
  }

  /** Whether file descriptor {@code fd} (0 stdin, 1 stdout, 2 stderr) is a terminal; never in-process. */
  boolean isTerminal(int fd) {
    return process && Terminal.isTerminal(fd);
  }

  /** Whether SIGINT and SIGTERM are this run's to handle (a process), or the embedding program's. */
  boolean watchesSignals() {
    return process;
  }

  CredentialChain credentialChain() {
    return new CredentialChain(env, home);
  }
}
