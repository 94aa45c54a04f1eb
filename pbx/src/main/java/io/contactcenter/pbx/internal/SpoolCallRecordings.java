package io.contactcenter.pbx.internal;

import io.contactcenter.pbx.CallRecordings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/** Recordings in Asterisk's monitor spool, named {@code <uniqueid>.wav} by the dialplan. */
final class SpoolCallRecordings implements CallRecordings {

  private static final Pattern CALL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  private final Path dir;

  SpoolCallRecordings(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  @Override
  public Optional<Path> find(String callId) {
    if (callId == null || !CALL_ID.matcher(callId).matches() || callId.contains("..")) {
      return Optional.empty();
    }
    Path file = dir.resolve(callId + ".wav").normalize();
    return file.startsWith(dir) && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }
}
