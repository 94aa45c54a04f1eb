package io.contactcenter.routing.internal;

import io.contactcenter.common.PhoneNumber;
import io.contactcenter.pbx.AgentPhones;
import io.contactcenter.routing.AgentDesk;
import io.contactcenter.routing.AgentDirectory;
import io.contactcenter.routing.AgentSettings;
import io.contactcenter.routing.AgentState;
import io.contactcenter.routing.AgentStatus;
import io.contactcenter.routing.ClickToCall;
import io.contactcenter.routing.ClickToCallRefusedException;
import io.contactcenter.routing.ClickToCallRefusedException.Reason;
import io.contactcenter.routing.OutboundCall;
import io.contactcenter.routing.internal.domain.ClickToCallPolicy;
import io.contactcenter.routing.spi.NumberScreening;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Click-to-call over the agent's desk and phone (ADR 0034): the facts for {@link ClickToCallPolicy}
 * from the agent's status, routing profile and the do-not-call list, then the agent's phone rung
 * over {@link AgentPhones#ringForOutboundCall}. The last call per agent is kept in this instance's
 * memory (the rate limit is per instance).
 */
final class AgentClickToCall implements ClickToCall {

  private static final Logger log = LoggerFactory.getLogger(AgentClickToCall.class);

  private final AgentDesk desk;
  private final AgentDirectory directory;
  private final Optional<NumberScreening> screening;
  private final AgentPhones phones;
  private final ClickToCallPolicy policy;
  private final String callerId;
  private final Duration agentRing;
  private final Duration customerRing;
  private final Clock clock;
  private final Map<String, Instant> lastPlaced = new ConcurrentHashMap<>();

  AgentClickToCall(
      AgentDesk desk,
      AgentDirectory directory,
      Optional<NumberScreening> screening,
      AgentPhones phones,
      ClickToCallPolicy policy,
      String callerId,
      Duration agentRing,
      Duration customerRing,
      Clock clock) {
    this.desk = desk;
    this.directory = directory;
    this.screening = screening;
    this.phones = phones;
    this.policy = policy;
    this.callerId = callerId;
    this.agentRing = agentRing;
    this.customerRing = customerRing;
    this.clock = clock;
  }

  @Override
  public OutboundCall call(
      String agentId, PhoneNumber customer, Consumer<OutboundCall> beforeRinging) {
    AgentStatus status = desk.status(agentId);
    String phone = directory.find(agentId).map(AgentSettings::phone).orElse("");
    refuseIf(check(status, phone, customer), agentId, customer);

    if (status.state() == AgentState.READY) {
      // No offer may ring the phone while the agent calls out; an offer that came in between
      // the status and this keeps ringing, so the agent is busy after all.
      status = desk.notReady(agentId, NOT_READY_REASON);
      refuseIf(check(status, phone, customer), agentId, customer);
    }
    String ringId = "c2c-" + UUID.randomUUID();
    OutboundCall call = new OutboundCall(AgentPhones.callIdOf(ringId), agentId, phone, customer);
    beforeRinging.accept(call);
    phones.ringForOutboundCall(ringId, phone, customer, callerId, agentRing, customerRing);
    // Only a call Asterisk took counts against the interval.
    lastPlaced.put(agentId, clock.instant());
    log.info("agent {} calls {} from phone {} (call {})", agentId, customer, phone, call.callId());
    return call;
  }

  private Optional<ClickToCallPolicy.Refusal> check(
      AgentStatus status, String phone, PhoneNumber customer) {
    boolean loggedIn = status.state() != AgentState.OFFLINE;
    boolean onContact = !status.offers().isEmpty() || !status.open().isEmpty();
    Instant last = lastPlaced.get(status.agentId());
    // The list is asked only when everything else allows the call.
    ClickToCallPolicy.Situation free =
        new ClickToCallPolicy.Situation(loggedIn, onContact, phone, false, last);
    Optional<ClickToCallPolicy.Refusal> refusal = policy.check(free, clock.instant());
    if (refusal.isPresent()) {
      return refusal;
    }
    boolean onList =
        screening
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no do-not-call screening is configured: click-to-call is off"))
            .onDoNotCall(customer);
    return policy.check(
        new ClickToCallPolicy.Situation(loggedIn, onContact, phone, onList, last), clock.instant());
  }

  private static void refuseIf(
      Optional<ClickToCallPolicy.Refusal> refusal, String agentId, PhoneNumber customer) {
    if (refusal.isEmpty()) {
      return;
    }
    Reason reason = Reason.valueOf(refusal.get().name());
    String message =
        switch (reason) {
          case NOT_LOGGED_IN -> "agent " + agentId + " is logged out: log in to place calls";
          case ON_CONTACT ->
              "agent " + agentId + " is on another contact: finish it before placing a call";
          case TOO_SOON -> "agent " + agentId + " placed a call moments ago: wait a few seconds";
          case NO_PHONE ->
              "agent " + agentId + " has no phone to ring: an admin sets it in the routing profile";
          case DO_NOT_CALL -> "number " + customer.masked() + " is on the do-not-call list";
        };
    throw new ClickToCallRefusedException(reason, message);
  }
}
