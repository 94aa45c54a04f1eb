package io.contactcenter.routing.internal;

import io.contactcenter.pbx.AgentPhones;
import io.contactcenter.pbx.LiveChannels;
import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.internal.domain.ConsultAtTakeover;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The take-over's part for attended transfers (ADR 0044 addendum): the consults the last routing
 * term stored are settled against what Asterisk has up ({@link ConsultAtTakeover}). A consulted
 * phone still ringing is hung up (its agent keeps the caller), as is one whose caller left; a
 * consult the agents are in (or about to be) goes on, returned to be restored once its call is its
 * agent's again.
 */
final class TakeoverConsults {

  /** A consult the last term left that goes on, and how. */
  record Kept(JdbcConsults.Stored consult, ConsultAtTakeover.Outcome outcome) {}

  private static final Logger log = LoggerFactory.getLogger(TakeoverConsults.class);

  private static final String VOICE_PREFIX = ContactId.of(ContactChannel.VOICE, "").value();

  private final JdbcConsults consults;
  private final RoutingTakeover.StrayRings strayRings;

  TakeoverConsults(JdbcConsults consults, RoutingTakeover.StrayRings strayRings) {
    this.consults = consults;
    this.strayRings = strayRings;
  }

  /**
   * Settles every stored consult; the ones that end are deleted. Without Asterisk's answer ({@code
   * channels} empty) the calls were left out, and their consults are forgotten.
   *
   * @return the consults that go on
   */
  List<Kept> settle(Optional<LiveChannels> channels) {
    List<Kept> kept = new ArrayList<>();
    for (JdbcConsults.Stored c : consults.all()) {
      ConsultAtTakeover decision =
          channels
              .map(live -> decide(c, live))
              .orElse(new ConsultAtTakeover(ConsultAtTakeover.Outcome.ENDED, false));
      if (decision.hangUpConsulted()) {
        log.info(
            "stopping consult ring {} of agent {} for {} left by the last routing term",
            c.ringId(),
            c.toAgent(),
            c.contact());
        strayRings.stop(c.ringId());
      }
      if (decision.outcome() == ConsultAtTakeover.Outcome.ENDED) {
        consults.ended(c.contact());
      } else {
        kept.add(new Kept(c, decision.outcome()));
      }
    }
    return kept;
  }

  /** What to do with a stored consult, given the channels Asterisk has up. */
  static ConsultAtTakeover decide(JdbcConsults.Stored c, LiveChannels channels) {
    String caller = c.contact().value().substring(VOICE_PREFIX.length());
    String leg = AgentPhones.callIdOf(c.ringId());
    ConsultAtTakeover.Transfer transfer;
    if (!c.transferStarted()) {
      transfer = ConsultAtTakeover.Transfer.NOT_STARTED;
    } else if (channels.has(c.agentCallId())) {
      transfer = ConsultAtTakeover.Transfer.AGENT_ON_LINE;
    } else {
      transfer = ConsultAtTakeover.Transfer.AGENT_LEFT;
    }
    return ConsultAtTakeover.decide(
        channels.has(caller), channels.has(leg), channels.isAnswered(leg), transfer);
  }
}
