package io.contactcenter.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.contactcenter.common.PhoneNumber;
import io.contactcenter.routing.AgentDesk;
import io.contactcenter.routing.AgentState;
import io.contactcenter.routing.AgentStatus;
import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.ContactNotOfferedException;
import io.contactcenter.routing.ContactRouting;
import io.contactcenter.routing.NewContact;
import io.contactcenter.routing.QueuePlace;
import io.contactcenter.routing.QueueServiceLevel;
import io.contactcenter.routing.UnknownQueueException;
import io.contactcenter.routing.WrapUp;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A routing call forwarded to the routing instance arrives as the same call, and its result or
 * routing exception comes back as the same value or exception type (ADR 0030).
 */
class RoutingCallsTest {

  private final RoutingCalls calls =
      new RoutingCalls(
          JsonMapper.builder()
              .findAndAddModules()
              .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
              .build());

  private static Method method(Class<?> api, String name) {
    for (Method m : api.getMethods()) {
      if (m.getName().equals(name)) {
        return m;
      }
    }
    throw new AssertionError("no method " + name);
  }

  /** The arguments as the routing instance decodes them. */
  private Object[] forwarded(Method method, Object... args) {
    RoutingCalls.Request request = calls.request(calls.request(method, args, "reply-1"));
    assertThat(request.method()).isEqualTo(method);
    assertThat(request.replyTo()).isEqualTo("reply-1");
    return request.arguments();
  }

  /** The result as the forwarding instance decodes it. */
  private Object returned(Method method, Object result) {
    return calls.reply(method, calls.result(result));
  }

  @Test
  void aContactAndItsWeightArriveAsEnqueued() {
    NewContact contact = new NewContact(ContactChannel.TICKET, "t-42", "support", true, "客户 A", 7);
    Method enqueue = method(ContactRouting.class, "enqueue");

    assertThat(forwarded(enqueue, contact)).containsExactly(contact);
    assertThat(returned(enqueue, contact.id())).isEqualTo(ContactId.of("ticket:t-42"));
  }

  @Test
  void aCallbackNumberAndAWrapUpArriveAsGiven() {
    PhoneNumber number = PhoneNumber.parse("+8613800138000");
    Object[] callback =
        forwarded(
            method(ContactRouting.class, "requestCallback"), ContactId.of("voice:1.2"), number);
    assertThat(callback).containsExactly(ContactId.of("voice:1.2"), number);

    WrapUp wrapUp = new WrapUp("solved", "refund sent / 已退款");
    assertThat(
            forwarded(method(AgentDesk.class, "wrapUp"), "alice", ContactId.of("chat:9"), wrapUp))
        .containsExactly("alice", ContactId.of("chat:9"), wrapUp);
  }

  @Test
  void anAgentsStatusWithOffersComesBackWhole() {
    Instant at = Instant.parse("2026-12-03T09:00:00Z");
    AgentStatus status =
        new AgentStatus(
            "alice",
            AgentState.ON_CONTACT,
            "",
            null,
            List.of(
                new AgentStatus.OfferedContact(
                    ContactId.of("chat:1"), ContactChannel.CHAT, "support", "c1", at, at)),
            List.of(
                new AgentStatus.OfferedContact(
                    ContactId.of("ticket:2"),
                    ContactChannel.TICKET,
                    "support",
                    "",
                    at,
                    at.plusSeconds(20))));

    assertThat(returned(method(AgentDesk.class, "status"), status)).isEqualTo(status);
  }

  @Test
  void aPlaceServiceLevelsAndBooleansComeBackAsTheirTypes() {
    Method place = method(ContactRouting.class, "place");
    QueuePlace third = new QueuePlace("support", 3, Duration.ofSeconds(90), false);
    assertThat(returned(place, Optional.of(third))).isEqualTo(Optional.of(third));
    assertThat(returned(place, Optional.empty())).isEqualTo(Optional.empty());

    List<QueueServiceLevel> levels =
        List.of(new QueueServiceLevel("support", 20, 4, 3, 1, 1, 0.75, null, 2));
    assertThat(returned(method(ContactRouting.class, "serviceLevels"), levels)).isEqualTo(levels);
    assertThat(returned(method(ContactRouting.class, "withdraw"), true)).isEqualTo(true);
  }

  @Test
  void routingExceptionsComeBackAsTheSameTypeWithTheirWords() {
    Method enqueue = method(ContactRouting.class, "enqueue");
    UnknownQueueException unknown =
        new UnknownQueueException("sales", List.of("orders", "support"));

    assertThatThrownBy(() -> calls.reply(enqueue, calls.failure(unknown)))
        .isInstanceOfSatisfying(
            UnknownQueueException.class,
            e -> {
              assertThat(e.getMessage()).isEqualTo(unknown.getMessage());
              assertThat(e.messageArguments()).containsExactly(unknown.messageArguments());
            });
    assertThatThrownBy(
            () ->
                calls.reply(
                    method(AgentDesk.class, "accept"),
                    calls.failure(new ContactNotOfferedException("rang out"))))
        .isInstanceOf(ContactNotOfferedException.class)
        .hasMessage("rang out");
    assertThatThrownBy(() -> calls.reply(enqueue, calls.failure(new ArithmeticException("bug"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ArithmeticException: bug");
  }

  @Test
  void aCallOfAnUnknownMethodIsRefused() {
    assertThatThrownBy(
            () -> calls.request("{\"method\":\"dropAll\",\"args\":[],\"replyTo\":\"r\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dropAll");
    assertThatThrownBy(() -> calls.request("not json"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
