package io.contactcenter.pbx;

import java.util.Set;

/**
 * The channels Asterisk has up at one moment, as it lists them (AMI {@code CoreShowChannels}).
 *
 * @param callIds the call id ({@link CallEnded#callId()}, Asterisk's Uniqueid) of every channel
 * @param answered those among them in state Up (answered); the others are still ringing or dialing
 */
public record LiveChannels(Set<String> callIds, Set<String> answered) {

  public LiveChannels {
    callIds = Set.copyOf(callIds);
    answered = Set.copyOf(answered);
    if (!callIds.containsAll(answered)) {
      throw new IllegalArgumentException("an answered channel is one of the channels up");
    }
  }

  /** Whether Asterisk has the channel. */
  public boolean has(String callId) {
    return callIds.contains(callId);
  }

  /** Whether Asterisk has the channel and it is answered. */
  public boolean isAnswered(String callId) {
    return answered.contains(callId);
  }
}
