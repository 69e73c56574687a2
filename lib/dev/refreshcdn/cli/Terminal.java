package dev.refreshcdn.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Whether a standard stream is a terminal: /proc on Linux, else System.console() as an approximation. */
final class Terminal {
  private Terminal() {}

  /** Whether file descriptor {@code fd} (0 stdin, 1 stdout, 2 stderr) of this process is a terminal. */
  static boolean isTerminal(int fd) {
    try {
      Path link = Paths.get("/proc/self/fd/" + fd);
      if (Files.isSymbolicLink(link)) {
        String target = Files.readSymbolicLink(link).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      }
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // Fall through to the portable approximation.
    }
    return System.console() != null;
  }
}
