package io.contactcenter.onlinechat.internal;

import io.contactcenter.onlinechat.ChatEnded;
import io.contactcenter.onlinechat.ChatLanguage;
import io.contactcenter.onlinechat.internal.ChatRefusedException.Kind;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The chat channel: opens conversations for visitors, stores every message (visitor, bot, agent)
 * before anyone is told of it, lets the bot answer while the conversation is with it, and hands
 * over to the agent inbox. Transports (WebSocket, HTTP fallback, the agent API) call this and
 * deliver what {@link ChatFanout} announces. It checks what visitors and agents send; {@link
 * ChatTranscript} stores messages, {@link ChatBotReplies} is the bot's turn and {@link
 * ChatStateChanges} hands over and ends conversations.
 */
class ChatService {

  static final int PAGE = 500;

  private final JdbcConversations conversations;
  private final ChatTranscript transcript;
  private final ChatBotReplies botReplies;
  private final ChatStateChanges states;
  private final ChatFanout fanout;
  private final VisitorRateLimit rateLimit;
  private final ImageAttachments images;
  private final int maxMessageChars;
  private final Clock clock;

  ChatService(
      JdbcConversations conversations,
      ChatTranscript transcript,
      ChatBotReplies botReplies,
      ChatStateChanges states,
      ChatFanout fanout,
      VisitorRateLimit rateLimit,
      ImageAttachments images,
      int maxMessageChars,
      Clock clock) {
    this.conversations = conversations;
    this.transcript = transcript;
    this.botReplies = botReplies;
    this.states = states;
    this.fanout = fanout;
    this.rateLimit = rateLimit;
    this.images = images;
    this.maxMessageChars = maxMessageChars;
    this.clock = clock;
  }

  /** The visitor's open conversation on the site, or a new one greeted by the bot. */
  Conversation open(
      String site, String visitorId, Conversation.Customer customer, ChatLanguage lang) {
    var open = conversations.openOf(visitorId, site);
    if (open.isPresent()) {
      return open.get();
    }
    Conversation created =
        new Conversation(
            UUID.randomUUID().toString(),
            site,
            visitorId,
            customer,
            lang,
            Conversation.State.BOT,
            null,
            0,
            0,
            clock.instant(),
            null,
            null);
    conversations.create(created);
    transcript.say(
        created.conversationId(),
        ChatMessage.Sender.BOT,
        null,
        "greeting",
        BotTexts.greeting(lang),
        null);
    return created;
  }

  Conversation conversation(String conversationId) {
    return conversations
        .find(conversationId)
        .orElseThrow(
            () -> new ChatRefusedException(Kind.NOT_FOUND, "no conversation " + conversationId));
  }

  /** A visitor's conversation, refused if the token's visitor is not its visitor. */
  Conversation ofVisitor(String conversationId, String visitorId) {
    Conversation c = conversation(conversationId);
    if (!c.visitorId().equals(visitorId)) {
      throw new ChatRefusedException(Kind.FORBIDDEN, "the conversation is not this visitor's");
    }
    return c;
  }

  List<ChatMessage> after(String conversationId, long afterSeq) {
    return conversations.after(conversationId, Math.max(0, afterSeq), PAGE);
  }

  /**
   * Stores a visitor message (idempotent on the client id) and, if it is new and the bot serves the
   * conversation, the bot's reply. Returns the stored visitor message: its seq is the ack.
   */
  ChatMessage visitorSays(Conversation c, String clientMessageId, String text) {
    String body = checked(clientMessageId, text);
    // The rate first: a flood is told it is one even when the chat ended meanwhile (a handoff
    // with no agent ends it as a ticket while the messages still arrive).
    if (!rateLimit.allow(c.conversationId())) {
      throw new ChatRefusedException(
          Kind.TOO_MANY, "too many messages: at most " + rateLimit.perSecond() + " per second");
    }
    if (c.state() == Conversation.State.ENDED) {
      throw new ChatRefusedException(Kind.CONFLICT, "the conversation has ended");
    }
    JdbcConversations.Appended appended =
        conversations.append(
            c.conversationId(),
            ChatMessage.Sender.VISITOR,
            null,
            clientMessageId,
            body,
            null,
            clock.instant());
    fanout.publish(appended.message());
    if (appended.isNew() && c.state() == Conversation.State.BOT) {
      botReplies.reply(c, appended.message());
    }
    return appended.message();
  }

  /**
   * Stores a visitor's image (checked by content, metadata removed) with a message that names it
   * (idempotent on the client id like text). The bot does not read images; an agent sees them.
   */
  ChatMessage visitorSendsImage(Conversation c, String clientMessageId, byte[] upload) {
    checkedClientId(clientMessageId);
    if (!rateLimit.allow(c.conversationId())) {
      throw new ChatRefusedException(
          Kind.TOO_MANY, "too many messages: at most " + rateLimit.perSecond() + " per second");
    }
    if (c.state() == Conversation.State.ENDED) {
      throw new ChatRefusedException(Kind.CONFLICT, "the conversation has ended");
    }
    return transcript.storeImage(
        c, ChatMessage.Sender.VISITOR, null, clientMessageId, images.clean(upload));
  }

  /**
   * An agent's image in a chat that is theirs, with the same checks as a visitor's (type by
   * content, size and pixel limits, re-encoded without metadata).
   */
  ChatMessage agentSendsImage(
      String conversationId, String agent, String clientMessageId, byte[] upload) {
    checkedClientId(clientMessageId);
    Conversation c = conversation(conversationId);
    if (c.state() != Conversation.State.AGENT || !agent.equals(c.agent())) {
      throw new ChatRefusedException(
          Kind.CONFLICT, "take the conversation before sending (it is " + c.state() + ")");
    }
    return transcript.storeImage(
        c, ChatMessage.Sender.AGENT, agent, clientMessageId, images.clean(upload));
  }

  private static void checkedClientId(String clientMessageId) {
    if (clientMessageId == null || !clientMessageId.matches("[A-Za-z0-9._:-]{1,64}")) {
      throw new ChatRefusedException(
          Kind.INVALID, "clientMessageId must be 1-64 letters, digits or ._:- characters");
    }
  }

  /** A stored image by its unguessable id. */
  JdbcConversations.Attachment attachment(String attachmentId) {
    return conversations
        .attachment(attachmentId)
        .orElseThrow(() -> new ChatRefusedException(Kind.NOT_FOUND, "no image " + attachmentId));
  }

  List<Conversation> waiting() {
    return conversations.waiting();
  }

  List<Conversation> servedBy(String agent) {
    return conversations.servedBy(agent);
  }

  /**
   * The agent routing gave the chat to takes it over from the waiting state; the visitor is told a
   * person joined. False when it was not waiting (taken already, ended).
   */
  boolean assign(String conversationId, String agent) {
    Conversation c = conversation(conversationId);
    if (!conversations.assign(conversationId, agent)) {
      return false;
    }
    // The agent's screens, on whichever instance, follow the chat from now on.
    fanout.publishAgentNotice(
        new ChatFanout.AgentNotice(agent, ChatFanout.AgentNotice.Kind.ASSIGNED, conversationId));
    transcript.say(
        conversationId,
        ChatMessage.Sender.SYSTEM,
        null,
        "agent-joined-" + agent,
        BotTexts.agentJoined(c.language(), agent),
        null);
    return true;
  }

  /** A notice from the system to both sides (the queue position, a ticket number). */
  ChatMessage tell(String conversationId, String clientMessageId, String text) {
    return transcript.say(
        conversationId, ChatMessage.Sender.SYSTEM, null, clientMessageId, text, null);
  }

  ChatMessage agentSays(String conversationId, String agent, String clientMessageId, String text) {
    String body = checked(clientMessageId, text);
    Conversation c = conversation(conversationId);
    if (c.state() != Conversation.State.AGENT || !agent.equals(c.agent())) {
      throw new ChatRefusedException(
          Kind.CONFLICT, "take the conversation before replying (it is " + c.state() + ")");
    }
    return transcript.say(
        conversationId, ChatMessage.Sender.AGENT, agent, clientMessageId, body, null);
  }

  /**
   * Ends the conversation once and announces {@link ChatEnded} with the state it left (in the same
   * transaction); the visitor is asked to rate it. False when it had ended already.
   *
   * @param ticketId the ticket the chat became, or null
   */
  boolean end(String conversationId, ChatEnded.EndedBy by, String ticketId) {
    return states.end(conversationId, by, ticketId);
  }

  /** Records the ticket an already ended chat became. */
  void recordTicket(String conversationId, String ticketId) {
    conversations.recordTicket(conversationId, ticketId);
  }

  /** Chats handed over before {@code cutoff} that no agent has taken yet. */
  List<Conversation> waitingSince(Instant cutoff) {
    return conversations.waitingSince(cutoff);
  }

  void rate(Conversation c, int score, String comment) {
    if (score < 1 || score > 5) {
      throw new ChatRefusedException(Kind.INVALID, "score must be 1 to 5, got " + score);
    }
    if (comment != null && comment.length() > maxMessageChars) {
      throw new ChatRefusedException(
          Kind.TOO_LARGE, "the comment is longer than " + maxMessageChars + " characters");
    }
    if (!conversations.rate(c.conversationId(), score, comment, c.agent(), clock.instant())) {
      throw new ChatRefusedException(Kind.CONFLICT, "the conversation was already rated");
    }
  }

  private String checked(String clientMessageId, String text) {
    if (clientMessageId == null || !clientMessageId.matches("[A-Za-z0-9._:-]{1,64}")) {
      throw new ChatRefusedException(
          Kind.INVALID, "clientMessageId must be 1-64 letters, digits or ._:- characters");
    }
    if (text == null || text.isBlank()) {
      throw new ChatRefusedException(Kind.INVALID, "the message text is empty");
    }
    if (text.length() > maxMessageChars) {
      throw new ChatRefusedException(
          Kind.TOO_LARGE, "the message is longer than " + maxMessageChars + " characters");
    }
    return text.strip();
  }

  static Map<String, Object> frame(ChatMessage m) {
    return Map.of(
        "type", "message",
        "seq", m.seq(),
        "sender", m.sender().name().toLowerCase(java.util.Locale.ROOT),
        "author", m.author() == null ? "" : m.author(),
        "clientMessageId", m.clientMessageId(),
        "text", m.body(),
        "at", m.sentAt().toString(),
        "attachment", m.attachmentId() == null ? "" : m.attachmentId());
  }
}
