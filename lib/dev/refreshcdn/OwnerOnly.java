package dev.refreshcdn;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Files and directories of the state directory, created readable by their owner only (files 0600, directories
 * 0700) whatever the umask: a journal may hold what a server said, and nobody else has any business reading it.
 * They are created with these permissions, so they are never open to others even for a moment, then set to them
 * exactly, as a umask can take bits away at creation. On a file system without POSIX permissions, nothing is set.
 */
final class OwnerOnly {
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

  private OwnerOnly() {}

  /** Creates {@code dir} and the parents it lacks, each owner-only; those that exist are left as they are. */
  static void createDirectories(Path dir) throws IOException {
    Deque<Path> missing = new ArrayDeque<>();
    for (Path p = dir.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent()) {
      missing.push(p);
    }
    while (!missing.isEmpty()) {
      Path next = missing.pop();
      try {
        createDirectory(next);
      } catch (FileAlreadyExistsException e) {
        if (!Files.isDirectory(next)) {
          throw e;
        } // else another process created it meanwhile: its permissions are its own
      }
    }
    if (!Files.isDirectory(dir)) {
      throw new FileAlreadyExistsException(dir.toString()); // a file is in the way, as Files.createDirectories says
    }
  }

  /** Creates the directory {@code dir}, owner-only; throws FileAlreadyExistsException when it exists. */
  static Path createDirectory(Path dir) throws IOException {
    boolean posix = isPosix(dir);
    Path created = posix ? Files.createDirectory(dir, attribute(DIRECTORY)) : Files.createDirectory(dir);
    if (posix) {
      Files.setPosixFilePermissions(created, DIRECTORY);
    }
    return created;
  }

  /** Opens {@code file} with {@code options}; a file this creates is owner-only. */
  static FileChannel open(Path file, Set<? extends OpenOption> options) throws IOException {
    boolean posix = isPosix(file);
    boolean existed = Files.exists(file);
    FileChannel channel = posix ? FileChannel.open(file, options, attribute(FILE)) : FileChannel.open(file, options);
    if (posix && !existed) {
      try {
        Files.setPosixFilePermissions(file, FILE);
      } catch (IOException e) {
        channel.close();
        throw e;
      }
    }
    return channel;
  }

  private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
    return PosixFilePermissions.asFileAttribute(permissions);
  }

  private static boolean isPosix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
