package io.contactcenter.pbx;

import java.nio.file.Path;
import java.util.Optional;

/** The recordings Asterisk made of calls (both directions, WAV). */
public interface CallRecordings {

  /**
   * The recording of a call leg, if there is one.
   *
   * @param callId Asterisk's unique id of the channel; anything but {@code [A-Za-z0-9._-]} is
   *     refused, so the lookup can never leave the recordings directory
   */
  Optional<Path> find(String callId);
}
