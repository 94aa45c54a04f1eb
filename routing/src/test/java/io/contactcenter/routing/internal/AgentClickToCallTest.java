package io.contactcenter.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.common.PhoneNumber;
import io.contactcenter.pbx.AgentPhones;
import io.contactcenter.pbx.AgentRing;
import io.contactcenter.routing.AgentDesk;
import io.contactcenter.routing.AgentDirectory;
import io.contactcenter.routing.AgentSettings;
import io.contactcenter.routing.AgentState;
import io.contactcenter.routing.AgentStatus;
import io.contactcenter.routing.ClickToCall;
import io.contactcenter.routing.ClickToCallRefusedException;
import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.OutboundCall;
import io.contactcenter.routing.WrapUp;
import io.contactcenter.routing.internal.domain.ClickToCallPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentClickToCallTest {

  private static final PhoneNumber CUSTOMER = PhoneNumber.parse("+8613800138001");
  private static final PhoneNumber LISTED = PhoneNumber.parse("+8613800138002");

  private final List<String> rung = new ArrayList<>();
  private final List<String> audited = new ArrayList<>();
  private AgentState state = AgentState.READY;
  private String reason = "";
  private List<AgentStatus.OfferedContact> offers = List.of();
  private String phone = "agent-41@trunk-test";

  private final AgentDesk desk =
      new AgentDesk() {
        @Override
        public AgentStatus logIn(String agentId) {
          throw new UnsupportedOperationException();
        }

        @Override
        public AgentStatus transferToQueue(String agentId, ContactId contact, String queue) {
          throw new UnsupportedOperationException();
        }

        @Override
        public AgentStatus consult(
            String agentId, ContactId contact, io.contactcenter.routing.ConsultTarget target) {
          throw new UnsupportedOperationException();
        }

        @Override
        public AgentStatus completeConsult(String agentId, ContactId contact) {
          throw new UnsupportedOperationException();
        }

        @Override
        public AgentStatus cancelConsult(String agentId, ContactId contact) {
          throw new UnsupportedOperationException();
        }

        @Override
        public AgentStatus logOut(String agentId) {
          throw new UnsupportedOperationException();
        }

        @Override
        public AgentStatus ready(String agentId) {
          throw new UnsupportedOperationException();
        }

        @Override
        public AgentStatus notReady(String agentId, String why) {
          state = AgentState.NOT_READY;
          reason = why;
          return status(agentId);
        }

        @Override
        public AgentStatus accept(String agentId, ContactId contact) {
          throw new UnsupportedOperationException();
        }

        @Override
        public AgentStatus reject(String agentId, ContactId contact) {
          throw new UnsupportedOperationException();
        }

        @Override
        public AgentStatus complete(String agentId, ContactId contact) {
          throw new UnsupportedOperationException();
        }

        @Override
        public AgentStatus wrapUp(String agentId, ContactId contact, WrapUp wrapUp) {
          throw new UnsupportedOperationException();
        }

        @Override
        public AgentStatus status(String agentId) {
          return new AgentStatus(agentId, state, reason, null, offers, List.of());
        }
      };

  private final AgentDirectory directory =
      new AgentDirectory() {
        @Override
        public AgentSettings save(AgentSettings settings) {
          return settings;
        }

        @Override
        public Optional<AgentSettings> find(String agentId) {
          return Optional.of(new AgentSettings(agentId, Map.of(), 0, 0, 0, phone));
        }

        @Override
        public List<AgentSettings> all() {
          return List.of();
        }
      };

  private final AgentPhones phones =
      new AgentPhones() {
        @Override
        public void ring(AgentRing ring) {
          throw new UnsupportedOperationException();
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
        public void stopRinging(String ringId) {}

        @Override
        public void returnToHold(String callId) {
          throw new UnsupportedOperationException();
        }

        @Override
        public void ringForCallback(
            String ringId, String endpoint, PhoneNumber customer, Duration t, Duration ct) {
          throw new UnsupportedOperationException();
        }

        @Override
        public void ringForOutboundCall(
            String ringId,
            String endpoint,
            PhoneNumber customer,
            String callerId,
            Duration timeout,
            Duration customerTimeout) {
          rung.add(
              AgentPhones.callIdOf(ringId)
                  + " "
                  + endpoint
                  + " "
                  + customer.e164()
                  + " "
                  + callerId
                  + " "
                  + customerTimeout.toSeconds());
        }
      };

  private final ClickToCall calls =
      new AgentClickToCall(
          desk,
          directory,
          Optional.of(number -> number.equals(LISTED)),
          phones,
          new ClickToCallPolicy(Duration.ofSeconds(5)),
          "4000",
          Duration.ofSeconds(20),
          Duration.ofSeconds(45),
          Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC));

  @Test
  void aReadyAgentIsSetNotReadyAuditedThenTheirPhoneRingsForTheCustomer() {
    OutboundCall call = calls.call("ana", CUSTOMER, c -> audited.add(c.callId()));

    assertThat(call.callId()).startsWith("cc-ring-c2c-");
    assertThat(call.phone()).isEqualTo("agent-41@trunk-test");
    assertThat(state).isEqualTo(AgentState.NOT_READY);
    assertThat(reason).isEqualTo(ClickToCall.NOT_READY_REASON);
    assertThat(audited).containsExactly(call.callId());
    assertThat(rung).containsExactly(call.callId() + " agent-41@trunk-test +8613800138001 4000 45");
  }

  @Test
  void aNumberOnTheDoNotCallListRingsNothingAndLeavesTheAgentAsIs() {
    assertThatThrownBy(() -> calls.call("ana", LISTED, c -> audited.add(c.callId())))
        .isInstanceOfSatisfying(
            ClickToCallRefusedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(ClickToCallRefusedException.Reason.DO_NOT_CALL);
              assertThat(e.getMessage()).doesNotContain("13800138002");
            });
    assertThat(rung).isEmpty();
    assertThat(audited).isEmpty();
    assertThat(state).isEqualTo(AgentState.READY);
  }

  @Test
  void anAgentWithAnOfferRingingOrWithoutAPhoneIsRefused() {
    offers =
        List.of(
            new AgentStatus.OfferedContact(
                ContactId.of(ContactChannel.VOICE, "1.1"),
                ContactChannel.VOICE,
                "support",
                "",
                Instant.EPOCH,
                Instant.EPOCH));
    assertThatThrownBy(() -> calls.call("ana", CUSTOMER, c -> {}))
        .extracting(e -> ((ClickToCallRefusedException) e).reason())
        .isEqualTo(ClickToCallRefusedException.Reason.ON_CONTACT);
    offers = List.of();
    phone = "";
    assertThatThrownBy(() -> calls.call("ana", CUSTOMER, c -> {}))
        .extracting(e -> ((ClickToCallRefusedException) e).reason())
        .isEqualTo(ClickToCallRefusedException.Reason.NO_PHONE);
    state = AgentState.OFFLINE;
    assertThatThrownBy(() -> calls.call("ana", CUSTOMER, c -> {}))
        .extracting(e -> ((ClickToCallRefusedException) e).reason())
        .isEqualTo(ClickToCallRefusedException.Reason.NOT_LOGGED_IN);
    assertThat(rung).isEmpty();
  }

  @Test
  void whenTheAuditFailsNothingRingsAndASecondCallMomentsLaterIsRefused() {
    assertThatThrownBy(
            () ->
                calls.call(
                    "ana",
                    CUSTOMER,
                    c -> {
                      throw new IllegalStateException("database down");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(rung).isEmpty();

    state = AgentState.NOT_READY;
    calls.call("ana", CUSTOMER, c -> {});
    assertThatThrownBy(() -> calls.call("ana", CUSTOMER, c -> {}))
        .extracting(e -> ((ClickToCallRefusedException) e).reason())
        .isEqualTo(ClickToCallRefusedException.Reason.TOO_SOON);
    assertThat(rung).hasSize(1);
    assertThat(Set.of(state)).containsExactly(AgentState.NOT_READY);
  }
}
