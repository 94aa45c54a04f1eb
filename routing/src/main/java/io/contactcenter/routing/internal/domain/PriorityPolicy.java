package io.contactcenter.routing.internal.domain;

import java.util.EnumMap;
import java.util.Map;

/**
 * A contact's priority: {@code vip} if the customer is a VIP, plus its channel's weight, plus its
 * queue's weight. Higher goes first; equal priorities go by original enqueue time.
 */
public record PriorityPolicy(int vip, Map<Channel, Integer> channelWeights) {

  public PriorityPolicy {
    if (vip < 0) {
      throw new IllegalArgumentException("the VIP weight must not be negative, not " + vip);
    }
    channelWeights = Map.copyOf(channelWeights);
  }

  /** VIP +100, voice +10 (a caller is on the line), chat +5, tickets +0. */
  public static PriorityPolicy defaults() {
    Map<Channel, Integer> channels = new EnumMap<>(Channel.class);
    channels.put(Channel.VOICE, 10);
    channels.put(Channel.CHAT, 5);
    channels.put(Channel.TICKET, 0);
    return new PriorityPolicy(100, channels);
  }

  public int priority(boolean isVip, Channel channel, QueueDefinition queue) {
    return (isVip ? vip : 0) + channelWeights.getOrDefault(channel, 0) + queue.weight();
  }
}
