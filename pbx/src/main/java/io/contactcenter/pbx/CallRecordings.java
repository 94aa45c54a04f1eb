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

  /**
   * The call leg's two directions recorded apart (the dialplan's MixMonitor {@code r()} and {@code
   * t()} files), if both exist: what the leg's party said and what it heard, on the same timeline
   * as {@link #find}'s mixed file.
   *
   * @param callId as for {@link #find}
   */
  Optional<Legs> legs(String callId);

  /**
   * A call leg's recording split by direction.
   *
   * @param received what the channel's party said ({@code <uniqueid>-in.wav}): the caller on an
   *     inbound call, the callee on an outbound one
   * @param sent what the party heard ({@code <uniqueid>-out.wav}): prompts, the robot, the agent
   */
  record Legs(Path received, Path sent) {}
}
