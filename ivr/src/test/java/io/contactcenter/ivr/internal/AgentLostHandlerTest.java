package io.contactcenter.ivr.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.common.PhoneNumber;
import io.contactcenter.ivr.internal.domain.CallerInput;
import io.contactcenter.ivr.internal.domain.IvrStep;
import io.contactcenter.ivr.internal.domain.Prompt;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.ContactRouting;
import io.contactcenter.routing.NewContact;
import io.contactcenter.routing.QueuePlace;
import io.contactcenter.routing.QueueServiceLevel;
import io.contactcenter.routing.WaitingContact;
import io.contactcenter.routing.WithdrawReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a caller whose agent's page was closed mid-call hears, and what routing is told. */
class AgentLostHandlerTest {

  private final List<String> said = new ArrayList<>();
  private final List<ContactId> handedBack = new ArrayList<>();
  private boolean held = true;
  private Optional<QueuePlace> place =
      Optional.of(new QueuePlace("support", 1, Duration.ofSeconds(30), false));

  private final ContactRouting routing =
      new ContactRouting() {
        @Override
        public ContactId enqueue(NewContact contact) {
          throw new UnsupportedOperationException();
        }

        @Override
        public boolean withdraw(ContactId id, WithdrawReason reason) {
          throw new UnsupportedOperationException();
        }

        @Override
        public List<QueueServiceLevel> serviceLevels() {
          return List.of();
        }

        @Override
        public List<WaitingContact> waiting() {
          return List.of();
        }

        @Override
        public boolean isOpen(String queue) {
          return true;
        }

        @Override
        public boolean anyAgentLoggedInFor(String queue) {
          return true;
        }

        @Override
        public Optional<QueuePlace> place(ContactId id) {
          // Asked after the hand-back only: the place it gave back.
          assertThat(handedBack).contains(id);
          return place;
        }

        @Override
        public boolean requestCallback(ContactId id, PhoneNumber number) {
          throw new UnsupportedOperationException();
        }

        @Override
        public boolean handBack(ContactId id) {
          if (!held) {
            return false;
          }
          handedBack.add(id);
          return true;
        }
      };

  private final CallerChannel channel =
      new CallerChannel() {
        @Override
        public void say(Prompt prompt, Map<String, Object> values, String language) {
          said.add(SpeechCallerChannel.render(prompt, values, language));
        }

        @Override
        public CallerInput ask(IvrStep.Ask ask, String language) {
          throw new UnsupportedOperationException("nothing is asked");
        }

        @Override
        public void close() {}
      };

  private final AgentLostHandler handler =
      new AgentLostHandler(routing, call -> channel, () -> "zh");

  @Test
  void theCallGoesBackToRoutingAndTheCallerHearsWhyAndTheirPlace() {
    FakeChannelSession call = new FakeChannelSession("7.1");
    call.setVariable("CC_LANGUAGE", "en");

    handler.handle(call);

    assertThat(handedBack).containsExactly(ContactId.of("voice:7.1"));
    assertThat(call.getVariable("CC_ROUTED")).hasValue("yes");
    assertThat(said)
        .containsExactly(
            "We lost the connection to your agent. Please hold: you keep your place,"
                + " you are number 1 in line.");
  }

  @Test
  void aCallerWithoutALanguageHearsTheFlowsLanguageAndACallAlreadyRingingHearsNoPlace() {
    place = Optional.empty();
    FakeChannelSession call = new FakeChannelSession("7.2");

    handler.handle(call);

    assertThat(call.getVariable("CC_ROUTED")).hasValue("yes");
    assertThat(said).singleElement().asString().startsWith("与坐席的连接中断了。");
  }

  @Test
  void aCallRoutingNoLongerHoldsWithAnAgentHearsNothingAndEnds() {
    held = false;
    FakeChannelSession call = new FakeChannelSession("7.3");
    call.setVariable("CC_ROUTED", "");

    handler.handle(call);

    assertThat(said).isEmpty();
    assertThat(call.getVariable("CC_ROUTED")).hasValue("");
  }
}
