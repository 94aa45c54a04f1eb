package io.contactcenter.routing.internal.domain;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * What routing knows of an agent: skills, how many contacts of each channel at once (voice at most
 * 1; a channel not listed is 0) and the wrap-up time after the last open contact ends.
 */
public record AgentProfile(
    AgentId id, Skills skills, Map<Channel, Integer> capacity, Duration wrapUp) {

  public AgentProfile {
    if (id == null || skills == null || capacity == null || wrapUp == null) {
      throw new IllegalArgumentException("an agent needs an id, skills, capacity and wrap-up");
    }
    capacity = Map.copyOf(capacity);
    capacity.forEach(
        (channel, n) -> {
          if (n < 0) {
            throw new IllegalArgumentException(
                "agent " + id + ": capacity for " + channel + " must not be negative, not " + n);
          }
        });
    if (capacity.getOrDefault(Channel.VOICE, 0) > 1) {
      throw new IllegalArgumentException("agent " + id + ": an agent takes one call at a time");
    }
    if (wrapUp.isNegative()) {
      throw new IllegalArgumentException("agent " + id + ": wrap-up must not be negative");
    }
  }

  /** Voice 1, {@code chats} chats, {@code tickets} tickets. */
  public static Map<Channel, Integer> capacity(int chats, int tickets) {
    Map<Channel, Integer> capacity = new EnumMap<>(Channel.class);
    capacity.put(Channel.VOICE, 1);
    capacity.put(Channel.CHAT, chats);
    capacity.put(Channel.TICKET, tickets);
    return capacity;
  }

  public int capacity(Channel channel) {
    return capacity.getOrDefault(channel, 0);
  }
}
