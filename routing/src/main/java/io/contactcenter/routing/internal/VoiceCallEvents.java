package io.contactcenter.routing.internal;

import io.contactcenter.pbx.AgentPhoneAnswered;
import io.contactcenter.pbx.AgentPhoneFailed;
import io.contactcenter.pbx.AgentPhones;
import io.contactcenter.pbx.CallEnded;
import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.ContactNotOfferedException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

/**
 * Call facts from pbx, handed to the routing thread (pbx's event thread must not wait): the agent's
 * phone answered (the accept), did not (the agent is set not ready), and the caller's channel ended
 * (abandoned while waiting, or the end of the agent's call).
 */
final class VoiceCallEvents {

  static final String PHONE_FAILED = "phone did not answer";

  private static final Logger log = LoggerFactory.getLogger(VoiceCallEvents.class);

  private final RoutingEngine engine;
  private final VoiceOffers voice;
  private final AgentPhones phones;

  VoiceCallEvents(RoutingEngine engine, VoiceOffers voice, AgentPhones phones) {
    this.engine = engine;
    this.voice = voice;
    this.phones = phones;
  }

  @EventListener
  void on(AgentPhoneAnswered answered) {
    Optional<VoiceOffers.Ring> consult = voice.consultRing(answered.ringId());
    if (consult.isPresent()) {
      engine.submit(() -> engine.consultAnswered(consult.get().contact(), answered.ringId()));
      return;
    }
    voice
        .ring(answered.ringId())
        .ifPresent(
            ring ->
                engine.submit(
                    () -> {
                      voice.forget(ring.ringId());
                      try {
                        engine.acceptOnRoutingThread(ring.agentId(), ring.contact());
                      } catch (ContactNotOfferedException late) {
                        // Rang out or the caller left just as the agent answered.
                        log.info(
                            "answer of ring {} came too late: {}",
                            ring.ringId(),
                            late.getMessage());
                        phones.stopRinging(ring.ringId());
                      }
                    }));
  }

  @EventListener
  void on(AgentPhoneFailed failed) {
    Optional<VoiceOffers.Ring> consult = voice.consultRing(failed.ringId());
    if (consult.isPresent()) {
      engine.submit(() -> engine.consultPhoneEnded(consult.get().contact(), failed.ringId()));
      return;
    }
    voice
        .ring(failed.ringId())
        .ifPresent(
            ring ->
                engine.submit(
                    () -> {
                      voice.forget(ring.ringId());
                      engine.phoneFailed(ring.agentId(), ring.contact(), PHONE_FAILED);
                    }));
  }

  @EventListener
  void on(CallEnded ended) {
    Optional<VoiceOffers.Ring> callback = voice.callbackCallEnded(ended.callId());
    if (callback.isPresent()) {
      // The agent's call of a callback: its end (with the customer's cause) completes the contact
      // or ends an unanswered attempt, if that agent took it.
      engine.submit(
          () ->
              engine.callbackCallEnded(
                  callback.get().agentId(), callback.get().contact(), ended.cause()));
      return;
    }
    Optional<VoiceOffers.Ring> consult = voice.consultRing(ended.callId());
    if (consult.isPresent()) {
      // The consulted agent's phone hung up during the consult (ADR 0044).
      engine.submit(
          () -> engine.consultPhoneEnded(consult.get().contact(), consult.get().ringId()));
      return;
    }
    ContactId contact = ContactId.of(ContactChannel.VOICE, ended.callId());
    engine.submit(
        () -> {
          if (engine.consultingAgentLeft(ended.callId(), ended.cause())) {
            return;
          }
          engine.callEnded(contact);
          voice.ended(contact);
        });
  }
}
