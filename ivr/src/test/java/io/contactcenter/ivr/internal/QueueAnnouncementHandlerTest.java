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

/** What a waiting caller hears, and what pressing 1 does. */
class QueueAnnouncementHandlerTest {

  private final List<String> said = new ArrayList<>();
  private final List<String> callbacks = new ArrayList<>();
  private Optional<QueuePlace> place =
      Optional.of(new QueuePlace("support", 3, Duration.ofSeconds(200), false));
  private CallerInput answer = new CallerInput.NoInput();

  private final ContactRouting routing =
      new ContactRouting() {
        @Override
        public ContactId enqueue(NewContact contact) {
          throw new UnsupportedOperationException();
        }

        @Override
        public boolean withdraw(ContactId id, WithdrawReason reason) {
          return false;
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
          return place;
        }

        @Override
        public boolean handBack(ContactId id) {

          return false;
        }

        @Override
        public boolean requestCallback(ContactId id, PhoneNumber number) {
          callbacks.add(id + " " + number.e164());
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
          said.add(SpeechCallerChannel.render(ask.prompt(), ask.values(), language));
          return answer;
        }

        @Override
        public void close() {}
      };

  private final QueueAnnouncementHandler handler =
      new QueueAnnouncementHandler(routing, call -> channel, () -> "zh");

  @Test
  void aKnownCallerHearsThePlaceTheWaitAndTheOfferAndPressingOneKeepsThePlace() {
    answer = new CallerInput.Keys("1");
    FakeChannelSession call = new FakeChannelSession("9.1");
    call.setVariable("CC_CUSTOMER", "+8613800138002");
    call.setVariable("CC_LANGUAGE", "en");

    handler.handle(call);

    assertThat(said.getFirst())
        .isEqualTo(
            "You are number 3 in line. The expected wait is about 4 minutes."
                + " To be called back while keeping your place, press 1.");
    assertThat(callbacks).containsExactly("voice:9.1 +8613800138002");
    assertThat(said.get(1)).contains("call you back");
    assertThat(call.getVariable("CC_CALLBACK")).hasValue("yes");
  }

  @Test
  void aChineseCallerHearsChineseAndWithoutAKeyNothingChanges() {
    FakeChannelSession call = new FakeChannelSession("9.2");
    call.setVariable("CC_CUSTOMER", "+8613800138002");

    handler.handle(call);

    assertThat(said.getFirst()).startsWith("您现在排在第3位，预计等待约4 分 钟。");
    assertThat(callbacks).isEmpty();
    assertThat(call.getVariable("CC_CALLBACK")).isEmpty();
  }

  @Test
  void aCallerWithoutANumberIsNotOfferedACallback() {
    answer = new CallerInput.Keys("1");
    FakeChannelSession call = new FakeChannelSession("9.3");

    handler.handle(call);

    assertThat(said).singleElement().asString().doesNotContain("按1");
    assertThat(callbacks).isEmpty();
  }

  @Test
  void aCallThatIsNoLongerWaitingHearsNothing() {
    place = Optional.empty();
    FakeChannelSession call = new FakeChannelSession("9.4");
    call.setVariable("CC_CUSTOMER", "+8613800138002");

    handler.handle(call);

    assertThat(said).isEmpty();
  }
}
