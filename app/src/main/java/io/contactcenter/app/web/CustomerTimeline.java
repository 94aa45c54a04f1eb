package io.contactcenter.app.web;

import io.contactcenter.app.security.PhoneNumberVisibility;
import io.contactcenter.common.InvalidPhoneNumberException;
import io.contactcenter.common.PhoneNumber;
import io.contactcenter.ivr.IvrReports;
import io.contactcenter.onlinechat.ChatHistory;
import io.contactcenter.outboundrobot.RobotAttempt;
import io.contactcenter.outboundrobot.RobotCalls;
import io.contactcenter.pbx.CallDetailRecord;
import io.contactcenter.pbx.CallDetailRecords;
import io.contactcenter.tickets.Ticket;
import io.contactcenter.tickets.TicketDesk;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * A customer's earlier contacts across channels, newest first, from each module's public API: calls
 * Asterisk recorded (pbx), the hotline IVR's sessions of those calls (ivr), voice robot attempts
 * (outboundrobot), agents' dispositions, chats the shop identified with the number (online-chat)
 * and tickets opened with it (tickets). Numbers inside texts are masked for viewers who may not see
 * them ({@link PhoneNumberVisibility}).
 */
@Component
class CustomerTimeline {

  /** The most items of each kind. */
  static final int PER_KIND = 50;

  private final CallDetailRecords calls;
  private final RobotCalls robot;
  private final JdbcDispositions dispositions;
  private final IvrReports ivr;
  private final ChatHistory chats;
  private final TicketDesk tickets;

  CustomerTimeline(
      CallDetailRecords calls,
      RobotCalls robot,
      JdbcDispositions dispositions,
      IvrReports ivr,
      ChatHistory chats,
      TicketDesk tickets) {
    this.calls = calls;
    this.robot = robot;
    this.dispositions = dispositions;
    this.ivr = ivr;
    this.chats = chats;
    this.tickets = tickets;
  }

  /**
   * One earlier contact of a customer.
   *
   * @param kind {@code CALL} (a call leg Asterisk recorded), {@code IVR} (the hotline menu's path
   *     on one of those calls), {@code ROBOT} (a voice robot's call attempt), {@code DISPOSITION}
   *     (an agent's closing of a call), {@code CHAT} (a chat) or {@code TICKET} (a ticket)
   * @param callId the call's id; for a chat the conversation's, for a ticket the ticket's
   * @param result what came of it: the hang-up cause, the IVR path and outcome, the robot's outcome
   *     and labels, the disposition and notes, the chat's first question and agent, or the ticket's
   *     subject and status
   */
  record Item(Instant at, String kind, String callId, String result) {}

  /** The caller's history as {@code visibility} may see it. */
  List<Item> of(String caller, PhoneNumberVisibility visibility) {
    List<Item> items = new ArrayList<>();
    List<CallDetailRecord> cdrs = calls.involving(caller, PER_KIND);
    for (CallDetailRecord cdr : cdrs) {
      items.add(
          new Item(
              cdr.startedAt(),
              "CALL",
              cdr.callId(),
              visibility.show(cdr.causeText() + " · " + cdr.billableSeconds() + " s")));
    }
    Set<String> callIds = cdrs.stream().map(CallDetailRecord::callId).collect(Collectors.toSet());
    for (IvrReports.IvrSession s : ivr.sessionsOfCalls(callIds)) {
      items.add(new Item(s.startedAt(), "IVR", s.callId(), visibility.show(ivrResult(s))));
    }
    robotAttempts(caller)
        .forEach(
            a ->
                items.add(
                    new Item(a.createdAt(), "ROBOT", a.callId(), visibility.show(robotResult(a)))));
    for (JdbcDispositions.Stored d : dispositions.forCaller(caller, PER_KIND)) {
      items.add(
          new Item(
              d.recordedAt(),
              "DISPOSITION",
              d.callId(),
              visibility.show(d.disposition() + (d.notes().isEmpty() ? "" : ": " + d.notes()))));
    }
    PhoneNumber number = e164(caller);
    if (number != null) {
      for (ChatHistory.PastChat c : chats.ofCustomer(number, PER_KIND)) {
        items.add(
            new Item(c.startedAt(), "CHAT", c.conversationId(), visibility.show(chatResult(c))));
      }
      for (Ticket t : tickets.ofCustomer(number, PER_KIND)) {
        items.add(
            new Item(
                t.createdAt(),
                "TICKET",
                t.ticketId(),
                visibility.show(t.subject() + " · " + t.status().name())));
      }
    }
    items.sort(Comparator.comparing(Item::at).reversed());
    return items;
  }

  /** The chat's first question, who served it ({@code BOT} when nobody took it over). */
  static String chatResult(ChatHistory.PastChat c) {
    String question = c.firstQuestion().isEmpty() ? "" : c.firstQuestion() + " · ";
    return question + (c.agentId() == null ? "BOT" : c.agentId());
  }

  /** The IVR session of one call, the latest if the call went through the menu twice. */
  java.util.Optional<IvrReports.IvrSession> ivrSessionOf(String callId) {
    return ivr.sessionsOfCalls(List.of(callId)).stream().findFirst();
  }

  static String ivrResult(IvrReports.IvrSession s) {
    String intent = s.intent() == null || s.intent().isEmpty() ? "" : " (" + s.intent() + ")";
    String outcome = s.outcome() == null ? "" : " → " + s.outcome();
    return s.path() + intent + outcome;
  }

  /**
   * A caller's number not in E.164 (an extension, a withheld number) has no robot, chat or ticket
   * history.
   */
  private List<RobotAttempt> robotAttempts(String caller) {
    PhoneNumber number = e164(caller);
    return number == null ? List.of() : robot.toNumber(number, PER_KIND);
  }

  private static PhoneNumber e164(String caller) {
    try {
      return PhoneNumber.parse(caller);
    } catch (InvalidPhoneNumberException e) {
      return null;
    }
  }

  private static String robotResult(RobotAttempt a) {
    String labels =
        a.turns().stream()
            .flatMap(t -> t.label().stream())
            .map(Object::toString)
            .distinct()
            .collect(Collectors.joining(", "));
    String outcome =
        a.outcome() != null
            ? a.outcome().name()
            : a.dialOutcome() != null ? a.dialOutcome().name() : a.status().name();
    return labels.isEmpty() ? outcome : outcome + " (" + labels + ")";
  }
}
