package dev.refreshcdn.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the command line in this JVM through {@link RefreshCdnCli#run(String[], java.io.InputStream, PrintStream,
 * PrintStream, Map)}, as {@link Cli} runs it as a process: the same clean environment (no TENCENTCLOUD_*, proxy or
 * REFRESH_CDN_API variable; HOME is {@link Cli#HOME}), stdin the given text or empty, never a terminal.
 */
final class InProcess {
  private final String[] args;
  private final Map<String, String> env = new HashMap<>();
  private byte[] stdin = new byte[0];

  private InProcess(String[] args) {
    this.args = args.clone();
    env.put("HOME", Cli.HOME.toString());
  }

  /** {@code refresh-cdn ARGS}. */
  static InProcess refreshCdn(String... args) {
    return new InProcess(args);
  }

  /** Sets the test credentials in the environment, as TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY. */
  InProcess withCredentials() {
    return env("TENCENTCLOUD_SECRET_ID", Cli.SECRET_ID).env("TENCENTCLOUD_SECRET_KEY", Cli.SECRET_KEY);
  }

  InProcess env(String name, String value) {
    env.put(name, value);
    return this;
  }

  InProcess stdin(String text) {
    this.stdin = text.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  /** Runs to completion: the exit code, stdout and stderr. */
  Cli.Result run() {
    try {
      Files.createDirectories(Cli.HOME);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream o = new PrintStream(out, false, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = RefreshCdnCli.run(Arrays.copyOf(args, args.length), new ByteArrayInputStream(stdin), o, e, env);
    }
    return new Cli.Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
