package io.contactcenter.pbx.internal;

import io.contactcenter.common.PhoneNumber;
import io.contactcenter.pbx.AgentPhones;
import io.contactcenter.pbx.AgentRing;
import io.contactcenter.pbx.ConsultLeg;
import io.contactcenter.pbx.PbxUnavailableException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.AtxferAction;
import org.asteriskjava.manager.action.GetVarAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.action.SetVarAction;
import org.asteriskjava.manager.response.GetVarResponse;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rings an agent's phone with AMI {@code Originate}: the phone's channel, once answered, enters
 * {@code [cc-acd-agent]}, which bridges it with the held caller ({@code Bridge(channel)}). The
 * channel's Uniqueid and the ActionID carry the ring id, so the async OriginateResponse becomes
 * {@code AgentPhoneAnswered}/{@code AgentPhoneFailed} and a ring can be hung up by that id.
 */
final class AmiAgentPhones implements AgentPhones {

  /** Prefix of the ActionID and of the agent channel's Uniqueid. */
  static final String RING_PREFIX = "cc-ring-";

  private static final Logger log = LoggerFactory.getLogger(AmiAgentPhones.class);

  private final AmiConnectionSupervisor ami;
  private final long actionTimeoutMillis;
  private final String callbackTrunk;

  AmiAgentPhones(AmiConnectionSupervisor ami, PbxProperties properties) {
    this.ami = ami;
    this.actionTimeoutMillis = properties.ami().actionTimeout().toMillis();
    this.callbackTrunk = properties.originate().trunks().getFirst();
  }

  @Override
  public void ringForCallback(
      String ringId,
      String endpoint,
      PhoneNumber customer,
      Duration timeout,
      Duration customerTimeout) {
    if (customerTimeout.toSeconds() < 1) {
      throw new IllegalArgumentException(
          "a customer's phone rings at least 1 s, not " + customerTimeout);
    }
    // AgentRing validates the ring id, the endpoint and the timeout; the channel it names is not
    // used by [cc-acd-callback].
    AgentRing ring = new AgentRing(ringId, endpoint, "none", timeout);
    // Only the number's digits and a configured trunk reach the dial string.
    String dial = "PJSIP/" + customer.digits() + "@" + callbackTrunk;
    originate(
        ring,
        "cc-acd-callback",
        Map.of(
            "CC_CALLBACK_DIAL",
            dial,
            "CC_CALLBACK_RING",
            Long.toString(customerTimeout.toSeconds())));
    log.info("ringing {} for a callback to {} (ring {})", endpoint, customer, ringId);
  }

  @Override
  public void ringForOutboundCall(
      String ringId,
      String endpoint,
      PhoneNumber customer,
      String callerId,
      Duration timeout,
      Duration customerTimeout) {
    if (customerTimeout.toSeconds() < 1) {
      throw new IllegalArgumentException(
          "a customer's phone rings at least 1 s, not " + customerTimeout);
    }
    if (callerId == null || !callerId.matches("\\+?[0-9]{1,20}")) {
      throw new IllegalArgumentException("a caller id is digits with an optional leading +");
    }
    AgentRing ring = new AgentRing(ringId, endpoint, "none", timeout);
    // Only the number's digits, a configured trunk and a digits-only caller id reach the dialplan.
    String dial = "PJSIP/" + customer.digits() + "@" + callbackTrunk;
    originate(
        ring,
        "cc-click-to-call",
        Map.of(
            "CC_OUTBOUND_DIAL",
            dial,
            "CC_OUTBOUND_RING",
            Long.toString(customerTimeout.toSeconds()),
            "CC_OUTBOUND_CALLER_ID",
            callerId,
            "CC_OUTBOUND_CALL",
            AgentPhones.callIdOf(ringId)));
    log.info("ringing {} for an agent's call to {} (ring {})", endpoint, customer, ringId);
  }

  @Override
  public void ring(AgentRing ring) {
    originate(ring, "cc-acd-agent", Map.of("CC_WAITING_CHANNEL", ring.waitingChannel()));
    log.info("ringing {} for {} (ring {})", ring.endpoint(), ring.waitingChannel(), ring.ringId());
  }

  private void originate(AgentRing ring, String context, Map<String, String> variables) {
    OriginateAction action = new OriginateAction();
    // AgentRing validated both: no dial options or second destination can be smuggled in.
    action.setChannel("PJSIP/" + ring.endpoint());
    action.setContext(context);
    action.setExten("s");
    action.setPriority(1);
    action.setTimeout(ring.timeout().toMillis());
    action.setAsync(true);
    action.setActionId(RING_PREFIX + ring.ringId());
    action.setChannelId(AgentPhones.callIdOf(ring.ringId()));
    action.setCallerId("ACD <4200>");
    action.setVariables(variables);
    ManagerResponse response;
    try {
      response = ami.connected().sendAction(action, actionTimeoutMillis);
    } catch (IOException | TimeoutException e) {
      throw new PbxUnavailableException(
          "ringing " + ring.endpoint() + " failed: " + e.getMessage(), e);
    }
    if (response instanceof ManagerError || !"Success".equalsIgnoreCase(response.getResponse())) {
      throw new PbxUnavailableException(
          "Asterisk refused to ring " + ring.endpoint() + ": " + response.getMessage());
    }
  }

  @Override
  public void returnToHold(String callId) {
    if (callId == null || !callId.matches("[0-9]{1,20}\\.[0-9]{1,10}")) {
      throw new IllegalArgumentException("not an Asterisk unique id: " + callId);
    }
    // Asterisk finds the channel by its Uniqueid; a redirect takes it out of the agent's bridge,
    // which ends the agent's Bridge() and so hangs up the agent's leg ([cc-acd-agent]).
    RedirectAction action = new RedirectAction(callId, "cc-acd-transferred", "s", 1);
    ManagerResponse response;
    try {
      response = ami.connected().sendAction(action, actionTimeoutMillis);
    } catch (IOException | TimeoutException e) {
      throw new PbxUnavailableException(
          "returning call " + callId + " to hold failed: " + e.getMessage(), e);
    }
    if (response instanceof ManagerError || !"Success".equalsIgnoreCase(response.getResponse())) {
      throw new PbxUnavailableException(
          "Asterisk refused to return call " + callId + " to hold: " + response.getMessage());
    }
    log.info("call {} back on hold in the ACD", callId);
  }

  @Override
  public void ringForConsult(AgentRing ring) {
    originate(ring, "cc-acd-consult-agent", Map.of());
    log.info(
        "ringing {} to consult on {} (ring {})",
        ring.endpoint(),
        ring.waitingChannel(),
        ring.ringId());
  }

  @Override
  public ConsultLeg consult(String callId, String ringId) {
    requireUniqueId(callId);
    // The ring id names the consulted phone's channel (AgentPhones.callIdOf): validated as by
    // AgentRing, so nothing but a channel id reaches CC_CONSULT_PEER.
    new AgentRing(ringId, "consult", "none", Duration.ofSeconds(1));
    String agentChannel = variable(callId, "BRIDGEPEER");
    if (agentChannel.isEmpty()) {
      throw new PbxUnavailableException("call " + callId + " is not with an agent any more");
    }
    // Two underscores: the consult leg (a Local channel Atxfer creates) inherits it.
    SetVarAction peer =
        new SetVarAction(agentChannel, "__CC_CONSULT_PEER", AgentPhones.callIdOf(ringId));
    send(peer, "consult on call " + callId);
    AtxferAction atxfer = new AtxferAction(agentChannel, "cc-acd-consult", "1", 1);
    send(atxfer, "consult on call " + callId);
    String agentCallId = variable(agentChannel, "UNIQUEID");
    log.info("call {}: agent {} consults ring {}", callId, agentChannel, ringId);
    return new ConsultLeg(agentChannel, agentCallId);
  }

  @Override
  public void completeConsult(String agentChannel) {
    requireChannel(agentChannel);
    // Hanging up before the consult leg is up would end the transfer, not complete it.
    if (!variable(agentChannel, "BRIDGEPEER").startsWith("Local/1@cc-acd-consult-")) {
      throw new IllegalStateException(
          "the consulted agent is not on the line with " + agentChannel);
    }
    send(new HangupAction(agentChannel), "completing the consult of " + agentChannel);
    log.info("consult of {} completed: the caller is with the consulted agent", agentChannel);
  }

  @Override
  public void cancelConsult(String agentChannel) {
    requireChannel(agentChannel);
    send(new CancelAtxferAction(agentChannel), "cancelling the consult of " + agentChannel);
    log.info("consult of {} cancelled: back with the caller", agentChannel);
  }

  private static void requireUniqueId(String callId) {
    if (callId == null || !callId.matches("[0-9]{1,20}\\.[0-9]{1,10}")) {
      throw new IllegalArgumentException("not an Asterisk unique id: " + callId);
    }
  }

  private static void requireChannel(String channel) {
    if (channel == null || !channel.matches("[A-Za-z0-9/_.@;:+-]{1,200}")) {
      throw new IllegalArgumentException("not an Asterisk channel name: " + channel);
    }
  }

  /** A channel variable's value; empty when unset. */
  private String variable(String channel, String name) {
    ManagerResponse response = send(new GetVarAction(channel, name), "reading " + name);
    String value =
        response instanceof GetVarResponse v ? v.getValue() : response.getAttribute("Value");
    return value == null ? "" : value;
  }

  private ManagerResponse send(ManagerAction action, String what) {
    ManagerResponse response;
    try {
      response = ami.connected().sendAction(action, actionTimeoutMillis);
    } catch (IOException | TimeoutException e) {
      throw new PbxUnavailableException(what + " failed: " + e.getMessage(), e);
    }
    if (response instanceof ManagerError || !"Success".equalsIgnoreCase(response.getResponse())) {
      throw new PbxUnavailableException("Asterisk refused " + what + ": " + response.getMessage());
    }
    return response;
  }

  @Override
  public void stopRinging(String ringId) {
    // Asterisk finds a channel by its Uniqueid as well as by its name.
    HangupAction action = new HangupAction(AgentPhones.callIdOf(ringId));
    try {
      ManagerResponse response = ami.connected().sendAction(action, actionTimeoutMillis);
      if (response instanceof ManagerError) {
        log.debug("ring {} already over: {}", ringId, response.getMessage());
      }
    } catch (IOException | TimeoutException | PbxUnavailableException e) {
      // The phone stops by itself at the originate timeout.
      log.warn("could not stop ring {}: {}", ringId, e.toString());
    }
  }
}
