package io.contactcenter.app.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Files only the service user may read (mode 600 in a directory of mode 700). */
final class SecretFiles {

  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private SecretFiles() {}

  /**
   * Writes {@code content} to a new file readable and writable only by this process's user.
   *
   * @return false if the file already exists (it is left as it is)
   */
  static boolean createPrivate(Path file, String content) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir, attributes("rwx------"));
      }
      try {
        // Created with mode 600 from the start, so there is no moment it is readable by others.
        Files.createFile(file, attributes("rw-------"));
      } catch (FileAlreadyExistsException e) {
        return false;
      }
      Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.WRITE);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Whether group or others may read the file (a secret someone copied with a loose mode). */
  static boolean readableByOthers(Path file) {
    if (!POSIX) {
      return false;
    }
    try {
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
      return mode.contains(PosixFilePermission.GROUP_READ)
          || mode.contains(PosixFilePermission.OTHERS_READ);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the mode of " + file, e);
    }
  }

  private static FileAttribute<?>[] attributes(String mode) {
    return POSIX
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode))
        }
        : new FileAttribute<?>[0];
  }
}
