package io.contactcenter.onlinechat.internal;

import io.contactcenter.common.InvalidPhoneNumberException;
import io.contactcenter.common.PhoneNumber;
import io.contactcenter.onlinechat.ChatEnded;
import io.contactcenter.onlinechat.ChatHandoffRequested;
import io.contactcenter.onlinechat.internal.BotTexts.TicketReason;
import io.contactcenter.onlinechat.internal.domain.HandoffPolicy;
import io.contactcenter.routing.AgentDesk;
import io.contactcenter.routing.AgentStateConflictException;
import io.contactcenter.routing.ContactAccepted;
import io.contactcenter.routing.ContactAlreadyRoutedException;
import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactCompleted;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.ContactNotOfferedException;
import io.contactcenter.routing.ContactRouting;
import io.contactcenter.routing.NewContact;
import io.contactcenter.routing.QueuePlace;
import io.contactcenter.routing.UnknownQueueException;
import io.contactcenter.routing.WithdrawReason;
import io.contactcenter.tickets.CustomerTier;
import io.contactcenter.tickets.OpenTicketRequest;
import io.contactcenter.tickets.SourceKind;
import io.contactcenter.tickets.TicketChannel;
import io.contactcenter.tickets.TicketDesk;
import io.contactcenter.tickets.TicketOpening;
import io.contactcenter.tickets.TicketSource;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;

/**
 * A handed-over chat in the ACD: queued as a routing contact ({@code chat:<conversation id>}) in
 * its site's and language's queue, VIP by the customer's tier; the agent who accepts the offer gets
 * the conversation and the visitor is told; ending the chat completes the contact (the agent's chat
 * capacity is free again). When no agent of the queue is logged in, the visitor leaves the queue,
 * or the chat waits longer than {@code cc.chat.handoff-timeout}, the chat becomes a ticket with the
 * transcript and the visitor is told its number.
 */
class ChatHandoffs implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ChatHandoffs.class);
  static final String OPENED_BY = "online-chat";
  private static final int SUBJECT_CHARS = 200;
  private static final int DESCRIPTION_CHARS = 10_000;

  private final ChatService chat;
  private final ContactRouting routing;
  private final AgentDesk desk;
  private final TicketDesk tickets;
  private final HandoffPolicy policy;
  private final Duration timeout;
  private final Clock clock;
  private ScheduledExecutorService sweeper;

  ChatHandoffs(
      ChatService chat,
      ContactRouting routing,
      AgentDesk desk,
      TicketDesk tickets,
      HandoffPolicy policy,
      Duration timeout,
      Clock clock) {
    this.chat = chat;
    this.routing = routing;
    this.desk = desk;
    this.tickets = tickets;
    this.policy = policy;
    this.timeout = timeout;
    this.clock = clock;
  }

  static ContactId contactOf(String conversationId) {
    return ContactId.of(ContactChannel.CHAT, conversationId);
  }

  /**
   * Queues the chat, or makes it a ticket when nobody could take it. A redelivery (after a restart)
   * finds the contact already routed or the chat no longer waiting.
   */
  void handedOver(ChatHandoffRequested handoff) {
    MDC.put("chatId", handoff.conversationId());
    try {
      Conversation c = chat.conversation(handoff.conversationId());
      if (c.state() != Conversation.State.WAITING) {
        return;
      }
      String queue = policy.queueFor(c.site(), c.language().tag());
      if (!routing.anyAgentLoggedInFor(queue)) {
        log.info("no agent is logged in for {}: the chat becomes a ticket", queue);
        toTicket(c, TicketReason.NO_AGENTS);
        return;
      }
      ContactId id = contactOf(c.conversationId());
      try {
        routing.enqueue(
            new NewContact(
                ContactChannel.CHAT,
                c.conversationId(),
                queue,
                policy.vip(c.customer().tier()),
                customerLabel(c)));
      } catch (ContactAlreadyRoutedException again) {
        log.debug("chat already in routing");
        return;
      } catch (UnknownQueueException e) {
        log.warn(
            "chat queue {} is not defined ({}): the chat becomes a ticket", queue, e.getMessage());
        toTicket(c, TicketReason.NO_AGENTS);
        return;
      }
      // Ringing an agent already (no place): the first in line, with no wait to speak of.
      QueuePlace place = routing.place(id).orElse(new QueuePlace(queue, 1, Duration.ZERO, false));
      chat.tell(
          c.conversationId(),
          "queued",
          BotTexts.handoff(
              c.language(), place.position(), ChatQueuePositions.minutes(place.estimatedWait())));
    } finally {
      MDC.remove("chatId");
    }
  }

  /**
   * An agent accepted a chat offer: the conversation is theirs from now on. A chat that ended
   * meanwhile is completed at once, so it holds none of the agent's capacity.
   */
  void accepted(ContactAccepted accepted) {
    if (accepted.channel() != ContactChannel.CHAT || !accepted.id().value().startsWith("chat:")) {
      return;
    }
    String conversationId = accepted.id().value().substring("chat:".length());
    MDC.put("chatId", conversationId);
    try {
      if (chat.assign(conversationId, accepted.agentId())) {
        log.info("agent {} took the chat", accepted.agentId());
        return;
      }
      Conversation c = chat.conversation(conversationId);
      if (c.state() == Conversation.State.AGENT && accepted.agentId().equals(c.agent())) {
        return; // a redelivery
      }
      log.info("chat accepted by {} but it is {}: completed", accepted.agentId(), c.state());
      complete(accepted.agentId(), accepted.id());
    } catch (ChatRefusedException unknown) {
      // Not one of this module's conversations: a chat contact another system queued through the
      // routing API (POST /api/v1/routing/contacts) is that system's to work and complete.
      log.debug("accepted chat contact {} has no conversation here", accepted.id());
    } finally {
      MDC.remove("chatId");
    }
  }

  /**
   * The agent closed the chat's contact through the routing API (complete, wrap-up): the chat ends
   * too. (Ending the chat completes the contact in turn; whichever comes second changes nothing.)
   */
  void completed(ContactCompleted completed) {
    if (completed.channel() != ContactChannel.CHAT || !completed.id().value().startsWith("chat:")) {
      return;
    }
    String conversationId = completed.id().value().substring("chat:".length());
    try {
      chat.end(conversationId, ChatEnded.EndedBy.AGENT, null);
    } catch (ChatRefusedException unknown) {
      log.debug("completed chat contact {} has no conversation", completed.id());
    }
  }

  /**
   * The chat ended: the agent's contact completes; a visitor who gave up waiting leaves the queue
   * and their question becomes a ticket.
   */
  void ended(ChatEnded ended) {
    MDC.put("chatId", ended.conversationId());
    try {
      ContactId id = contactOf(ended.conversationId());
      if (ended.agentId() != null) {
        complete(ended.agentId(), id);
      } else if (ended.waitingForAgent() && ended.ticketId() == null) {
        routing.withdraw(id, WithdrawReason.CUSTOMER_LEFT);
        Conversation c = chat.conversation(ended.conversationId());
        String ticketId = openTicket(c);
        chat.recordTicket(c.conversationId(), ticketId);
        chat.tell(
            c.conversationId(),
            "ticket",
            BotTexts.ticketOpened(c.language(), TicketReason.LEFT_QUEUE, ticketId));
      }
    } finally {
      MDC.remove("chatId");
    }
  }

  /** Chats that waited longer than the timeout leave the queue and become tickets. */
  void sweep() {
    for (Conversation c : chat.waitingSince(clock.instant().minus(timeout))) {
      MDC.put("chatId", c.conversationId());
      try {
        // Only a chat still waiting or ringing: one an agent accepted meanwhile stays theirs.
        if (routing.withdraw(contactOf(c.conversationId()), WithdrawReason.CANCELLED)) {
          log.info("chat waited longer than {}: it becomes a ticket", timeout);
          toTicket(c, TicketReason.WAITED_TOO_LONG);
        }
      } finally {
        MDC.remove("chatId");
      }
    }
  }

  private void toTicket(Conversation c, TicketReason why) {
    String ticketId = openTicket(c);
    chat.tell(c.conversationId(), "ticket", BotTexts.ticketOpened(c.language(), why, ticketId));
    chat.end(c.conversationId(), ChatEnded.EndedBy.SYSTEM, ticketId);
  }

  /** Opens (or finds, on a retry) the chat's ticket with the transcript so far. */
  private String openTicket(Conversation c) {
    List<HandoffPolicy.Line> lines = transcript(c.conversationId());
    String lang = c.language().tag();
    TicketOpening opening =
        tickets.open(
            new OpenTicketRequest(
                HandoffPolicy.subject(lang, lines, SUBJECT_CHARS),
                HandoffPolicy.transcript(
                    lines,
                    DESCRIPTION_CHARS,
                    "zh".equals(lang) ? "（较早的消息已省略）" : "(earlier messages left out)"),
                phone(c.customer().phone()),
                c.customer().id() != null ? c.customer().id() : "chat-visitor:" + c.visitorId(),
                policy.vip(c.customer().tier()) ? CustomerTier.VIP : CustomerTier.STANDARD,
                TicketChannel.CHAT,
                new TicketSource(SourceKind.CHAT, c.conversationId()),
                null,
                null,
                List.of("chat", lang),
                null,
                OPENED_BY));
    log.info("chat became ticket {} ({})", opening.ticket().ticketId(), opening.outcome());
    return opening.ticket().ticketId();
  }

  private List<HandoffPolicy.Line> transcript(String conversationId) {
    List<HandoffPolicy.Line> lines = new ArrayList<>();
    long after = 0;
    while (true) {
      List<ChatMessage> page = chat.after(conversationId, after);
      for (ChatMessage m : page) {
        String who =
            m.sender() == ChatMessage.Sender.AGENT && m.author() != null
                ? m.author()
                : m.sender().name().toLowerCase(Locale.ROOT);
        lines.add(
            new HandoffPolicy.Line(
                m.sentAt().truncatedTo(ChronoUnit.SECONDS).toString(), who, m.body()));
        after = m.seq();
      }
      if (page.size() < ChatService.PAGE) {
        return lines;
      }
    }
  }

  private void complete(String agentId, ContactId id) {
    try {
      desk.complete(agentId, id);
    } catch (ContactNotOfferedException | AgentStateConflictException gone) {
      // Completed already (a redelivery), or the agent logged out, which ended it.
      log.debug("chat contact {} not open for {}: {}", id, agentId, gone.getMessage());
    }
  }

  private static String customerLabel(Conversation c) {
    if (c.customer().name() != null && !c.customer().name().isBlank()) {
      return c.customer().name();
    }
    return c.customer().id() == null ? "" : c.customer().id();
  }

  private static PhoneNumber phone(String phone) {
    if (phone == null || phone.isBlank()) {
      return null;
    }
    try {
      return PhoneNumber.parse(phone);
    } catch (InvalidPhoneNumberException e) {
      return null;
    }
  }

  @Override
  public void start() {
    sweeper =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("chat-handoff-timeout").daemon(true).factory());
    long every = Math.max(1, Math.min(30, timeout.toSeconds() / 2));
    sweeper.scheduleWithFixedDelay(
        () -> {
          try {
            sweep();
          } catch (RuntimeException e) {
            // The next sweep retries; a thrown exception would cancel the schedule for good.
            log.error("chat handoff timeout sweep failed", e);
          }
        },
        every,
        every,
        TimeUnit.SECONDS);
  }

  @Override
  public void stop() {
    if (sweeper != null) {
      sweeper.shutdownNow();
      sweeper = null;
    }
  }

  @Override
  public boolean isRunning() {
    return sweeper != null;
  }
}
