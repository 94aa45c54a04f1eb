package io.contactcenter.routing.internal;

import io.contactcenter.pbx.ChannelSession;
import io.contactcenter.pbx.spi.CallHandler;
import io.contactcenter.routing.ContactAlreadyRoutedException;
import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.ContactRouting;
import io.contactcenter.routing.NewContact;
import io.contactcenter.routing.UnknownQueueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialplan's {@code AGI(.../route)} in {@code [cc-acd]}: enqueues the call in the ACD and
 * returns at once; the dialplan then holds the caller with music on hold until the application
 * bridges an agent's phone to the channel or the caller hangs up. Reads the IVR's channel variables
 * {@code CC_QUEUE} (default {@code support}), {@code CC_PRIORITY} ({@code vip}) and {@code
 * CC_CUSTOMER}. Sets {@code CC_ROUTED=yes} once the call waits, {@code no-agents} when no agent of
 * the queue is logged in (the caller hears goodbye, as Asterisk's queue did); without it the
 * dialplan falls back to Asterisk's own queue, {@code closed} outside the queue's opening hours.
 * Sets {@code CC_ANNOUNCE_EVERY} too, how many seconds of music the caller hears between
 * announcements (the ivr module's {@code queue-announce}).
 */
final class RouteCallHandler implements CallHandler {

  static final String DEFAULT_QUEUE = "support";

  private static final Logger log = LoggerFactory.getLogger(RouteCallHandler.class);

  private final ContactRouting routing;
  private final VoiceOffers voice;
  private final java.time.Duration announceEvery;

  /**
   * @param announceEvery how often the dialplan interrupts the music for the caller's place and the
   *     callback offer ({@code CC_ANNOUNCE_EVERY}, seconds; 0: never), unless the channel sets its
   *     own
   */
  RouteCallHandler(ContactRouting routing, VoiceOffers voice, java.time.Duration announceEvery) {
    this.routing = routing;
    this.voice = voice;
    this.announceEvery = announceEvery;
  }

  @Override
  public String script() {
    return "route";
  }

  @Override
  public void handle(ChannelSession session) {
    String queue = session.getVariable("CC_QUEUE").filter(q -> !q.isBlank()).orElse(DEFAULT_QUEUE);
    boolean vip = session.getVariable("CC_PRIORITY").map("vip"::equalsIgnoreCase).orElse(false);
    String customer = session.getVariable("CC_CUSTOMER").orElse("");
    String channel =
        session
            .getVariable("CHANNEL")
            .orElseThrow(() -> new IllegalStateException("Asterisk gave no CHANNEL"));
    ContactId id = ContactId.of(ContactChannel.VOICE, session.callId());
    if (!routing.isOpen(queue)) {
      // Outside the queue's opening hours: the dialplan tells the caller and hangs up.
      log.info("call {} not queued: queue {} is closed now", id, queue);
      session.setVariable("CC_ROUTED", "closed");
      return;
    }
    if (!routing.anyAgentLoggedInFor(queue) && !routing.anyAgentLoggedInFor(DEFAULT_QUEUE)) {
      // Nobody could ever take the call now: the dialplan says goodbye instead of holding.
      log.info("call {} not queued: no agent is logged in for {}", id, queue);
      session.setVariable("CC_ROUTED", "no-agents");
      return;
    }
    // Known before the first routing pass can offer the call.
    voice.holding(id, channel);
    try {
      routing.enqueue(new NewContact(ContactChannel.VOICE, session.callId(), queue, vip, customer));
    } catch (UnknownQueueException e) {
      log.warn("call {} asked for unknown queue {}; queued in {}", id, queue, DEFAULT_QUEUE);
      routing.enqueue(
          new NewContact(ContactChannel.VOICE, session.callId(), DEFAULT_QUEUE, vip, customer));
    } catch (ContactAlreadyRoutedException e) {
      log.info("call {} is already waiting", id);
    }
    if (session.getVariable("CC_ANNOUNCE_EVERY").filter(v -> v.matches("[0-9]{1,5}")).isEmpty()) {
      session.setVariable("CC_ANNOUNCE_EVERY", Long.toString(announceEvery.toSeconds()));
    }
    session.setVariable("CC_ROUTED", "yes");
  }
}
