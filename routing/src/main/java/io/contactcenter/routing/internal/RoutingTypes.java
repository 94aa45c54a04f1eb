package io.contactcenter.routing.internal;

import io.contactcenter.routing.AgentSettings;
import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.internal.domain.AgentId;
import io.contactcenter.routing.internal.domain.AgentProfile;
import io.contactcenter.routing.internal.domain.Channel;
import io.contactcenter.routing.internal.domain.Skills;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** Translates between the routing API's types and the routing domain's. */
final class RoutingTypes {

  private RoutingTypes() {}

  /** An agent's profile as the distributor needs it: skills, capacity per channel, wrap-up. */
  static AgentProfile profile(AgentSettings settings) {
    Map<Channel, Integer> capacity = new EnumMap<>(Channel.class);
    capacity.put(Channel.VOICE, settings.phone().isEmpty() ? 0 : 1);
    capacity.put(Channel.CHAT, settings.chats());
    capacity.put(Channel.TICKET, settings.tickets());
    return new AgentProfile(
        new AgentId(settings.agentId()),
        Skills.of(settings.skills()),
        capacity,
        Duration.ofSeconds(settings.wrapUpSeconds()));
  }

  static Channel channel(ContactChannel channel) {
    return Channel.valueOf(channel.name());
  }

  static ContactChannel channel(Channel channel) {
    return ContactChannel.valueOf(channel.name());
  }

  static io.contactcenter.routing.internal.domain.ContactId domainId(ContactId id) {
    return new io.contactcenter.routing.internal.domain.ContactId(id.value());
  }

  static ContactId publicId(io.contactcenter.routing.internal.domain.ContactId id) {
    return ContactId.of(id.value());
  }
}
