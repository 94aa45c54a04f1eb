package io.contactcenter.onlinechat.internal;

import io.contactcenter.onlinechat.ChatEnded;
import io.contactcenter.routing.AgentDesk;
import io.contactcenter.routing.AgentStateConflictException;
import io.contactcenter.routing.ContactNotOfferedException;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The agent inbox until the routing engine offers chats: waiting chats oldest first, take one (the
 * first agent wins, others get 409), read and reply, end it.
 */
@RestController
class AgentChatController {

  private final ChatService chat;
  private final AgentDesk desk;
  private final AgentChatStreams streams;
  private final ChatAccess access;

  AgentChatController(
      ChatService chat, AgentDesk desk, AgentChatStreams streams, ChatAccess access) {
    this.chat = chat;
    this.desk = desk;
    this.streams = streams;
    this.access = access;
  }

  /** Supervisors and admins may see every conversation ({@link ChatAccess}). */
  private static boolean supervises(HttpServletRequest request) {
    return request.isUserInRole("SUPERVISOR") || request.isUserInRole("ADMIN");
  }

  /**
   * The signed-in agent's live chat stream (server-sent events, see {@link AgentChatStreams}): the
   * messages of the chats assigned to them as they are stored, offers, assignments and ends.
   */
  @GetMapping(path = "/api/v1/chat/agent/events", produces = "text/event-stream")
  SseEmitter events(Principal agent) {
    return streams.open(agent.getName());
  }

  record ReplyBody(String clientMessageId, String text) {}

  /**
   * Waiting chats oldest first (for an agent only those offered to them; all for a supervisor or
   * admin) and the signed-in user's own.
   */
  @GetMapping("/api/v1/chat/inbox")
  Map<String, Object> inbox(Principal agent, HttpServletRequest request) {
    List<Conversation> waiting = chat.waiting();
    java.util.Set<Conversation> visible =
        new java.util.HashSet<>(
            access.visibleWaiting(waiting, agent.getName(), supervises(request)));
    List<Map<String, Object>> rows = new java.util.ArrayList<>();
    for (int i = 0; i < waiting.size(); i++) {
      if (!visible.contains(waiting.get(i))) {
        continue;
      }
      Map<String, Object> row = summary(waiting.get(i));
      row.put("position", i + 1); // the place in the whole line, not among those shown
      rows.add(row);
    }
    return Map.of(
        "waiting",
        rows,
        "mine",
        chat.servedBy(agent.getName()).stream().map(AgentChatController::summary).toList());
  }

  /**
   * Takes the chat routing offers this agent: accepts the offer and assigns the chat before
   * answering, so the agent's first reply finds it theirs (the accept's event assigns it too,
   * later, for an accept through the agent API). A chat offered to someone else, or not offered at
   * all, is refused (409).
   */
  @PostMapping("/api/v1/chat/conversations/{id}/take")
  Map<String, Object> take(@PathVariable String id, Principal agent) {
    chat.conversation(id);
    try {
      desk.accept(agent.getName(), ChatHandoffs.contactOf(id));
    } catch (ContactNotOfferedException | AgentStateConflictException e) {
      throw new ChatRefusedException(
          ChatRefusedException.Kind.CONFLICT,
          "the chat is not offered to " + agent.getName() + ": " + e.getMessage());
    }
    chat.assign(id, agent.getName());
    return summary(chat.conversation(id));
  }

  /**
   * The conversation's messages after a seq: agents' screens read the history and fill gaps here;
   * new messages reach them over {@code /api/v1/chat/agent/events}. An agent reads only chats
   * offered to them, theirs, or handled by them; supervisors and admins read any (403 otherwise).
   */
  @GetMapping("/api/v1/chat/conversations/{id}/messages")
  Map<String, Object> messages(
      @PathVariable String id,
      @RequestParam(defaultValue = "0") long after,
      Principal user,
      HttpServletRequest request) {
    Conversation c = access.readable(id, user.getName(), supervises(request));
    return VisitorController.page(chat.after(c.conversationId(), after));
  }

  /** A reply in a chat that is the agent's (409 before they take it, 403 for someone else's). */
  @PostMapping("/api/v1/chat/conversations/{id}/messages")
  ResponseEntity<Map<String, Object>> reply(
      @PathVariable String id, @RequestBody ReplyBody body, Principal agent) {
    access.readable(id, agent.getName(), false);
    ChatMessage stored = chat.agentSays(id, agent.getName(), body.clientMessageId(), body.text());
    return ResponseEntity.status(201)
        .body(Map.of("clientMessageId", stored.clientMessageId(), "seq", stored.seq()));
  }

  /** A picture from the agent (multipart {@code file}), checked like a visitor's. */
  @PostMapping("/api/v1/chat/conversations/{id}/images")
  ResponseEntity<Map<String, Object>> image(
      @PathVariable String id,
      @RequestParam("file") org.springframework.web.multipart.MultipartFile file,
      @RequestParam("clientMessageId") String clientMessageId,
      Principal agent)
      throws java.io.IOException {
    access.readable(id, agent.getName(), false);
    ChatMessage stored =
        chat.agentSendsImage(id, agent.getName(), clientMessageId, file.getBytes());
    return ResponseEntity.status(201)
        .body(
            Map.of(
                "clientMessageId",
                stored.clientMessageId(),
                "seq",
                stored.seq(),
                "attachment",
                stored.attachmentId()));
  }

  /**
   * Ends a chat: its agent's, or any for a supervisor or admin (one left open); an agent may not
   * end a chat that is not theirs (403, or 409 for one offered to them and not taken yet).
   */
  @PostMapping("/api/v1/chat/conversations/{id}/end")
  ResponseEntity<Void> end(@PathVariable String id, Principal user, HttpServletRequest request) {
    Conversation c = access.readable(id, user.getName(), supervises(request));
    if (!supervises(request)
        && c.state() != Conversation.State.ENDED
        && !user.getName().equals(c.agent())) {
      throw new ChatRefusedException(
          ChatRefusedException.Kind.CONFLICT,
          "take the conversation before ending it (it is " + c.state() + ")");
    }
    chat.end(id, ChatEnded.EndedBy.AGENT, null);
    return ResponseEntity.noContent().build();
  }

  static Map<String, Object> summary(Conversation c) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("conversationId", c.conversationId());
    row.put("site", c.site());
    row.put("lang", c.language().tag());
    row.put("state", c.state().name().toLowerCase(Locale.ROOT));
    row.put("agent", c.agent());
    row.put("customerId", c.customer().id());
    row.put("customerName", c.customer().name());
    row.put("customerTier", c.customer().tier());
    row.put("waitingSince", c.handoffAt() == null ? null : c.handoffAt().toString());
    row.put("ticketId", c.ticketId());
    return row;
  }
}
