package io.contactcenter.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.common.PhoneNumber;
import io.contactcenter.pbx.AgentPhones;
import io.contactcenter.pbx.AgentRing;
import io.contactcenter.routing.AgentDirectory;
import io.contactcenter.routing.AgentSettings;
import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.internal.domain.AgentId;
import io.contactcenter.routing.internal.domain.Channel;
import io.contactcenter.routing.internal.domain.Contact;
import io.contactcenter.routing.internal.domain.Offer;
import io.contactcenter.routing.internal.domain.QueueId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which offers ring a phone, with what, and which ring a withdrawn or rung-out offer stops. */
class VoiceOffersTest {

  private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");

  private final List<AgentRing> rung = new ArrayList<>();
  private final List<String> stopped = new ArrayList<>();
  private final List<String> callbacks = new ArrayList<>();
  private final List<String> held = new ArrayList<>();

  private final AgentPhones phones =
      new AgentPhones() {
        @Override
        public void ring(AgentRing ring) {
          rung.add(ring);
        }

        @Override
        public void ringForConsult(io.contactcenter.pbx.AgentRing ring) {
          throw new UnsupportedOperationException();
        }

        @Override
        public io.contactcenter.pbx.ConsultLeg consult(String callId, String ringId) {
          throw new UnsupportedOperationException();
        }

        @Override
        public void completeConsult(String agentChannel) {
          throw new UnsupportedOperationException();
        }

        @Override
        public void cancelConsult(String agentChannel) {
          throw new UnsupportedOperationException();
        }

        @Override
        public void stopRinging(String ringId) {
          stopped.add(ringId);
        }

        @Override
        public void returnToHold(String callId) {
          held.add(callId);
        }

        @Override
        public void ringForCallback(
            String ringId,
            String endpoint,
            PhoneNumber customer,
            Duration timeout,
            Duration customerTimeout) {
          callbacks.add(ringId + " " + endpoint + " " + customer.e164());
        }

        @Override
        public void ringForOutboundCall(
            String ringId,
            String endpoint,
            PhoneNumber customer,
            String callerId,
            Duration timeout,
            Duration customerTimeout) {
          throw new UnsupportedOperationException("not an ACD ring");
        }
      };

  private final AgentDirectory agents =
      new AgentDirectory() {
        @Override
        public AgentSettings save(AgentSettings settings) {
          return settings;
        }

        @Override
        public Optional<AgentSettings> find(String agentId) {
          return Optional.of(
              new AgentSettings(
                  agentId,
                  Map.of("support", 3),
                  0,
                  0,
                  0,
                  agentId.equals("ann") ? "agent1001" : ""));
        }

        @Override
        public List<AgentSettings> all() {
          return List.of();
        }
      };

  private final VoiceOffers voice =
      new VoiceOffers(
          phones, agents, Duration.ofSeconds(20), Duration.ofSeconds(30), (c, a, r) -> true);

  private static Offer offer(String contact, Channel channel, String agent) {
    return offer(contact, channel, agent, false);
  }

  private static Offer offer(String contact, Channel channel, String agent, boolean callback) {
    return new Offer(
        new Contact(
            new io.contactcenter.routing.internal.domain.ContactId(contact),
            channel,
            new QueueId("support"),
            false,
            10,
            NOW,
            0,
            callback),
        new AgentId(agent),
        NOW,
        NOW.plusSeconds(20));
  }

  @Test
  void aCallOfferRingsTheAgentsPhoneForTheHeldChannel() {
    voice.holding(ContactId.of(ContactChannel.VOICE, "17.1"), "PJSIP/customer-00000001");

    voice.offered(offer("voice:17.1", Channel.VOICE, "ann"), "");

    assertThat(rung)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.endpoint()).isEqualTo("agent1001");
              assertThat(r.waitingChannel()).isEqualTo("PJSIP/customer-00000001");
              assertThat(r.timeout()).isEqualTo(Duration.ofSeconds(20));
            });
    assertThat(voice.ring(rung.getFirst().ringId()))
        .hasValueSatisfying(r -> assertThat(r.agentId()).isEqualTo("ann"));
  }

  @Test
  void aCallsRingIsStoredBeforeThePhoneRingsAndNotRungWhenTheOfferEndedMeanwhile() {
    List<String> stored = new ArrayList<>();
    VoiceOffers storing =
        new VoiceOffers(
            phones,
            agents,
            Duration.ofSeconds(20),
            Duration.ofSeconds(30),
            (c, a, r) -> true,
            (c, a, r) -> {
              stored.add(c.value() + " " + a + " " + r);
              return rung.isEmpty();
            },
            VoiceOffers.HoldChannels.LOCAL);
    storing.holding(ContactId.of(ContactChannel.VOICE, "17.1"), "PJSIP/customer-00000001");

    storing.offered(offer("voice:17.1", Channel.VOICE, "ann"), "");

    assertThat(stored).containsExactly("voice:17.1 ann " + rung.getFirst().ringId());
    // The second offer's row is no longer offered to ann: her phone does not ring.
    assertThatThrownBy(() -> storing.offered(offer("voice:17.1", Channel.VOICE, "ann"), ""))
        .isInstanceOf(IllegalStateException.class);
    assertThat(rung).hasSize(1);
  }

  @Test
  void aWithdrawnOfferStopsItsRing() {
    voice.holding(ContactId.of(ContactChannel.VOICE, "17.1"), "PJSIP/customer-00000001");
    Offer offer = offer("voice:17.1", Channel.VOICE, "ann");
    voice.offered(offer, "");

    voice.offerEnded(offer);

    assertThat(stopped).containsExactly(rung.getFirst().ringId());
    assertThat(voice.ring(rung.getFirst().ringId())).isEmpty();
  }

  @Test
  void aTransferredCallGoesBackOnHoldAndIsRungAgainOnTheSameChannel() {
    voice.holding(ContactId.of(ContactChannel.VOICE, "17.1"), "PJSIP/customer-00000001");
    voice.offered(offer("voice:17.1", Channel.VOICE, "ann"), "");

    voice.transferring(offer("voice:17.1", Channel.VOICE, "ann"));
    voice.offered(offer("voice:17.1", Channel.VOICE, "ann"), "");

    assertThat(held).containsExactly("17.1");
    assertThat(rung)
        .hasSize(2)
        .allSatisfy(r -> assertThat(r.waitingChannel()).isEqualTo("PJSIP/customer-00000001"));
  }

  @Test
  void aTransferredChatIsNoMatterForThePhones() {
    voice.transferring(offer("chat:1", Channel.CHAT, "ann"));

    assertThat(held).isEmpty();
  }

  @Test
  void chatsAndTicketsRingNoPhone() {
    voice.offered(offer("chat:1", Channel.CHAT, "ann"), "");
    voice.offerEnded(offer("chat:1", Channel.CHAT, "ann"));

    assertThat(rung).isEmpty();
    assertThat(stopped).isEmpty();
  }

  @Test
  void anAgentWithoutAPhoneOrACallerWithoutAChannelCannotBeRung() {
    voice.holding(ContactId.of(ContactChannel.VOICE, "17.1"), "PJSIP/customer-00000001");

    assertThatThrownBy(() -> voice.offered(offer("voice:17.1", Channel.VOICE, "bob"), ""))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> voice.offered(offer("voice:99.9", Channel.VOICE, "ann"), ""))
        .isInstanceOf(IllegalStateException.class);
    assertThat(rung).isEmpty();
  }

  @Test
  void aCallbackOfferRingsTheAgentToDialTheCustomerAndItsCallEndsTheContact() {
    // No held channel: the caller hung up after asking for the callback.
    voice.offered(offer("voice:17.2", Channel.VOICE, "ann", true), "+8613800138000");

    assertThat(rung).isEmpty();
    assertThat(callbacks).singleElement().asString().endsWith(" agent1001 +8613800138000");
    String ringId = callbacks.getFirst().split(" ")[0];
    assertThat(voice.callbackCallEnded(AgentPhones.callIdOf(ringId)))
        .hasValueSatisfying(
            r -> {
              assertThat(r.contact()).isEqualTo(ContactId.of("voice:17.2"));
              assertThat(r.agentId()).isEqualTo("ann");
            });
    assertThat(voice.callbackCallEnded(AgentPhones.callIdOf(ringId))).isEmpty();
  }
}
