package io.contactcenter.pbx.internal;

import io.contactcenter.pbx.CallRecordings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recordings in Asterisk's monitor spool, named {@code <uniqueid>.wav} (mixed), {@code
 * <uniqueid>-in.wav} and {@code <uniqueid>-out.wav} (each direction) by the dialplan.
 */
final class SpoolCallRecordings implements CallRecordings {

  private static final Pattern CALL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  private final Path dir;

  SpoolCallRecordings(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  @Override
  public Optional<Path> find(String callId) {
    return file(callId, ".wav");
  }

  @Override
  public Optional<Legs> legs(String callId) {
    Optional<Path> received = file(callId, "-in.wav");
    Optional<Path> sent = file(callId, "-out.wav");
    return received.isPresent() && sent.isPresent()
        ? Optional.of(new Legs(received.get(), sent.get()))
        : Optional.empty();
  }

  private Optional<Path> file(String callId, String suffix) {
    if (callId == null || !CALL_ID.matcher(callId).matches() || callId.contains("..")) {
      return Optional.empty();
    }
    Path file = dir.resolve(callId + suffix).normalize();
    return file.startsWith(dir) && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }
}
