package io.contactcenter.onlinechat.internal;

import io.contactcenter.onlinechat.internal.ChatRefusedException.Kind;
import io.contactcenter.routing.AgentDesk;
import io.contactcenter.routing.AgentStatus;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.UnknownAgentException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which conversations a signed-in user of the agent API may see and act on. Supervisors and admins
 * lead every queue (the role model has no narrower scope), so they may read any conversation. An
 * agent may read a conversation that routing offers them now, that is theirs, or that they handled
 * before (they were its agent, or wrote in it); any other is refused with 403, so one agent cannot
 * read another's customers by guessing or collecting conversation ids.
 */
class ChatAccess {

  /** The problem's reason, worded by {@code problem.detail.chat-forbidden.not-your-chat}. */
  static final String NOT_YOURS = "not-your-chat";

  private final ChatService chat;
  private final JdbcConversations conversations;
  private final AgentDesk desk;

  ChatAccess(ChatService chat, JdbcConversations conversations, AgentDesk desk) {
    this.chat = chat;
    this.conversations = conversations;
    this.desk = desk;
  }

  /**
   * The conversation, if this user may read it.
   *
   * @param supervises whether the user is a supervisor or an admin
   * @throws ChatRefusedException 404 for an unknown conversation, 403 for one that is not theirs
   */
  Conversation readable(String conversationId, String user, boolean supervises) {
    Conversation c = chat.conversation(conversationId);
    if (supervises
        || user.equals(c.agent())
        || offeredTo(user, conversationId)
        || conversations.wroteIn(conversationId, user)) {
      return c;
    }
    throw new ChatRefusedException(
        Kind.FORBIDDEN,
        "conversation " + conversationId + " is not offered to " + user + " nor handled by them",
        NOT_YOURS,
        List.of(conversationId));
  }

  /**
   * The waiting chats this user may see: all of them for a supervisor or admin, those routing
   * offers them for an agent (a waiting chat has no agent who handled it yet).
   */
  List<Conversation> visibleWaiting(List<Conversation> waiting, String user, boolean supervises) {
    if (supervises) {
      return waiting;
    }
    Set<ContactId> offered = offersOf(user);
    return waiting.stream()
        .filter(c -> offered.contains(ChatHandoffs.contactOf(c.conversationId())))
        .toList();
  }

  private boolean offeredTo(String user, String conversationId) {
    return offersOf(user).contains(ChatHandoffs.contactOf(conversationId));
  }

  /** The contacts ringing this agent or open with them. */
  private Set<ContactId> offersOf(String user) {
    AgentStatus status;
    try {
      status = desk.status(user);
    } catch (UnknownAgentException e) {
      return Set.of(); // no agent profile: routing never offers them anything
    }
    Set<ContactId> ids = new HashSet<>();
    status.offers().forEach(o -> ids.add(o.id()));
    status.open().forEach(o -> ids.add(o.id()));
    return ids;
  }
}
