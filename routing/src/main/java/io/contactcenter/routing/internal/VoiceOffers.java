package io.contactcenter.routing.internal;

import io.contactcenter.common.PhoneNumber;
import io.contactcenter.pbx.AgentPhones;
import io.contactcenter.pbx.AgentRing;
import io.contactcenter.pbx.ConsultLeg;
import io.contactcenter.pbx.PbxUnavailableException;
import io.contactcenter.routing.AgentDirectory;
import io.contactcenter.routing.AgentSettings;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.internal.domain.Channel;
import io.contactcenter.routing.internal.domain.Offer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls in the ACD: which Asterisk channel holds each waiting caller, and which ring of an agent's
 * phone belongs to which offer. An offer of a call rings the agent's phone; the phone's answer is
 * the agent's accept ({@link VoiceCallEvents}).
 */
final class VoiceOffers implements OfferListener, ContactConsults.ConsultCalls {

  /** A ring in progress: the offer it serves. */
  record Ring(String ringId, ContactId contact, String agentId) {}

  /**
   * Stores the ring of the agent's phone for a callback with the contact before the phone rings, so
   * a restart knows an attempt may be in progress (ADR 0025).
   */
  interface CallbackRings {
    /**
     * @return false when the contact is no longer offered to the agent (do not ring)
     */
    boolean ringing(ContactId contact, String agentId, String ringId);
  }

  /**
   * Stores the ring of the agent's phone for a call with the contact before the phone rings, so a
   * new routing leader can stop it or find it answered (ADR 0043).
   */
  interface CallRings {
    /**
     * @return false when the contact is no longer offered to the agent (do not ring)
     */
    boolean ringing(ContactId contact, String agentId, String ringId);

    /** Stores nothing (unit tests). */
    CallRings NONE = (contact, agentId, ringId) -> true;
  }

  /**
   * Where waiting callers are held, shared by the instances: the instance that routes rings the
   * agent for a call another instance's AGI session queued (ADR 0030).
   */
  interface HoldChannels {
    void held(ContactId contact, String channel);

    Optional<String> channel(ContactId contact);

    /** Only this instance's own calls (one instance, unit tests). */
    HoldChannels LOCAL =
        new HoldChannels() {
          @Override
          public void held(ContactId contact, String channel) {}

          @Override
          public Optional<String> channel(ContactId contact) {
            return Optional.empty();
          }
        };
  }

  private static final Logger log = LoggerFactory.getLogger(VoiceOffers.class);

  private final AgentPhones phones;
  private final HoldChannels holdChannels;
  private final AgentDirectory agents;
  private final Duration ringTimeout;
  private final Duration customerRingTimeout;
  private final CallbackRings callbackRings;
  private final CallRings callRings;
  private final Map<ContactId, String> waitingChannels = new ConcurrentHashMap<>();
  private final Map<String, Ring> rings = new ConcurrentHashMap<>();
  // Agents' calls that dial a customer back (call id of the agent's channel -> contact): their end
  // is the end of the contact, as the caller's hang-up is for a held call.
  private final Map<String, Ring> callbackCalls = new ConcurrentHashMap<>();
  // Consulted agents' phones (attended transfer, ADR 0044): ring id -> the call consulted about.
  private final Map<String, Ring> consultRings = new ConcurrentHashMap<>();

  VoiceOffers(
      AgentPhones phones,
      AgentDirectory agents,
      Duration ringTimeout,
      Duration customerRingTimeout,
      CallbackRings callbackRings) {
    this(
        phones,
        agents,
        ringTimeout,
        customerRingTimeout,
        callbackRings,
        CallRings.NONE,
        HoldChannels.LOCAL);
  }

  VoiceOffers(
      AgentPhones phones,
      AgentDirectory agents,
      Duration ringTimeout,
      Duration customerRingTimeout,
      CallbackRings callbackRings,
      CallRings callRings,
      HoldChannels holdChannels) {
    this.holdChannels = holdChannels;
    this.phones = phones;
    this.agents = agents;
    this.ringTimeout = ringTimeout;
    this.customerRingTimeout = customerRingTimeout;
    this.callbackRings = callbackRings;
    this.callRings = callRings;
  }

  /** Whether a ring of this instance (ringing, or the agent's call of a callback) has the id. */
  boolean isOurs(String ringId) {
    return rings.containsKey(ringId) || callbackCalls.containsKey(AgentPhones.callIdOf(ringId));
  }

  void holding(ContactId contact, String channel) {
    waitingChannels.put(contact, channel);
    holdChannels.held(contact, channel);
  }

  void ended(ContactId contact) {
    waitingChannels.remove(contact);
    rings.values().removeIf(r -> r.contact().equals(contact));
  }

  /** The callback ring whose agent's call this is, if it is one; forgotten once asked. */
  Optional<Ring> callbackCallEnded(String callId) {
    return Optional.ofNullable(callbackCalls.remove(callId));
  }

  Optional<Ring> ring(String ringId) {
    return Optional.ofNullable(rings.get(ringId));
  }

  void forget(String ringId) {
    rings.remove(ringId);
  }

  // ---- attended transfer (ADR 0044) ----

  /** The consult whose consulted phone this ring (or its call, {@code cc-ring-<ring>}) is. */
  Optional<Ring> consultRing(String ringOrCallId) {
    String ringId = ringOrCallId.startsWith("cc-ring-") ? ringOrCallId.substring(8) : ringOrCallId;
    return Optional.ofNullable(consultRings.get(ringId));
  }

  @Override
  public void ring(ContactId call, String agentId, String ringId) {
    String phone = agents.find(agentId).map(AgentSettings::phone).orElse("");
    if (phone.isEmpty()) {
      throw new IllegalStateException("agent " + agentId + " has no phone to consult on");
    }
    consultRings.put(ringId, new Ring(ringId, call, agentId));
    try {
      phones.ringForConsult(new AgentRing(ringId, phone, callId(call), ringTimeout));
    } catch (RuntimeException e) {
      consultRings.remove(ringId);
      throw e;
    }
  }

  @Override
  public void adopt(ContactId call, String agentId, String ringId) {
    consultRings.put(ringId, new Ring(ringId, call, agentId));
  }

  @Override
  public ConsultLeg connect(ContactId call, String ringId) {
    return phones.consult(callId(call), ringId);
  }

  @Override
  public void complete(String ringId, String agentChannel) {
    phones.completeConsult(agentChannel);
    consultRings.remove(ringId);
  }

  @Override
  public void end(String ringId, String agentChannel) {
    if (consultRings.remove(ringId) == null) {
      return;
    }
    if (agentChannel != null) {
      try {
        phones.cancelConsult(agentChannel);
      } catch (PbxUnavailableException e) {
        // The call or the consult leg is over already; the phone's hang-up below is what remains.
        log.info("consult of {} not cancelled: {}", agentChannel, e.getMessage());
      }
    }
    phones.stopRinging(ringId);
  }

  private static String callId(ContactId call) {
    return call.value().substring(call.value().indexOf(':') + 1);
  }

  /**
   * @throws IllegalStateException when the agent has no phone or the caller's channel is unknown
   *     (the engine then treats the offer as unanswerable)
   */
  @Override
  public void offered(Offer offer, String customer) {
    if (offer.contact().channel() != Channel.VOICE) {
      return;
    }
    ContactId contact = RoutingTypes.publicId(offer.contact().id());
    String phone = agents.find(offer.agent().value()).map(AgentSettings::phone).orElse("");
    if (offer.contact().callback()) {
      if (phone.isEmpty()) {
        throw new IllegalStateException(
            "cannot ring agent " + offer.agent() + " for callback " + contact + ": no phone");
      }
      String ringId = UUID.randomUUID().toString();
      if (!callbackRings.ringing(contact, offer.agent().value(), ringId)) {
        throw new IllegalStateException(
            "callback " + contact + " is no longer offered to agent " + offer.agent());
      }
      Ring ring = new Ring(ringId, contact, offer.agent().value());
      rings.put(ringId, ring);
      callbackCalls.put(AgentPhones.callIdOf(ringId), ring);
      phones.ringForCallback(
          ringId, phone, PhoneNumber.parse(customer), ringTimeout, customerRingTimeout);
      return;
    }
    String channel = waitingChannels.get(contact);
    if (channel == null) {
      channel = holdChannels.channel(contact).orElse(null);
    }
    if (phone.isEmpty() || channel == null) {
      throw new IllegalStateException(
          "cannot ring agent " + offer.agent() + " for " + contact + ": no phone or no channel");
    }
    String ringId = UUID.randomUUID().toString();
    if (!callRings.ringing(contact, offer.agent().value(), ringId)) {
      throw new IllegalStateException(
          "call " + contact + " is no longer offered to agent " + offer.agent());
    }
    rings.put(ringId, new Ring(ringId, contact, offer.agent().value()));
    phones.ring(new AgentRing(ringId, phone, channel, ringTimeout));
  }

  /** The caller leaves the agent's call for music on hold; the channel stays known here. */
  @Override
  public void transferring(Offer offer) {
    if (offer.contact().channel() != Channel.VOICE) {
      return;
    }
    ContactId contact = RoutingTypes.publicId(offer.contact().id());
    phones.returnToHold(contact.value().substring("voice:".length()));
  }

  @Override
  public void offerEnded(Offer offer) {
    if (offer.contact().channel() != Channel.VOICE) {
      return;
    }
    ContactId contact = RoutingTypes.publicId(offer.contact().id());
    rings.values().stream()
        .filter(r -> r.contact().equals(contact) && r.agentId().equals(offer.agent().value()))
        .toList()
        .forEach(
            r -> {
              rings.remove(r.ringId());
              phones.stopRinging(r.ringId());
            });
  }
}
