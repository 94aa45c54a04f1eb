package io.contactcenter.onlinechat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The visitor's WebSocket ({@code /chat/ws?conversation=…&token=…&after=n}), plain JSON frames. On
 * connect the server sends every message after {@code after}, then each new one, in seq order,
 * never twice. The client sends {@code {"type":"message","clientMessageId":"…","text":"…"}} and
 * gets {@code {"type":"ack","clientMessageId":"…","seq":n}} once the message is stored, or {@code
 * {"type":"error","clientMessageId":"…","problem":"…","detail":"…"}}. While the chat waits for an
 * agent the server also pushes {@code {"type":"queue","position":n,"waitMinutes":m,"text":"…"}}
 * whenever the place changes (position 0: no longer waiting).
 */
class ChatSocketHandler extends TextWebSocketHandler {

  private static final Logger log = LoggerFactory.getLogger(ChatSocketHandler.class);
  static final String CONVERSATION = "chat.conversation";
  static final String VISITOR = "chat.visitor";
  static final String AFTER = "chat.after";

  private final ChatService chat;
  private final ChatFanout fanout;
  private final ObjectMapper json;

  ChatSocketHandler(ChatService chat, ChatFanout fanout, ObjectMapper json) {
    this.chat = chat;
    this.fanout = fanout;
    this.json = json;
  }

  /** One connection's delivery state: the highest seq it was sent, under its own lock. */
  private final class Delivery {
    private final WebSocketSession session;
    private final String conversationId;
    private long lastSent;
    private Runnable unsubscribe = () -> {};
    private Runnable unsubscribeNotices = () -> {};

    Delivery(WebSocketSession session, String conversationId, long after) {
      this.session = session;
      this.conversationId = conversationId;
      this.lastSent = after;
    }

    /** Sends m, first filling any gap before it from the database; drops what was sent. */
    synchronized void deliver(ChatMessage m) {
      if (m != null && m.seq() <= lastSent) {
        return;
      }
      if (m == null || m.seq() > lastSent + 1) {
        for (ChatMessage missed : chat.after(conversationId, lastSent)) {
          send(missed);
        }
      }
      if (m != null && m.seq() == lastSent + 1) {
        send(m);
      }
    }

    private void send(ChatMessage m) {
      if (m.seq() <= lastSent) {
        return;
      }
      try {
        session.sendMessage(new TextMessage(json.writeValueAsString(ChatService.frame(m))));
        lastSent = m.seq();
      } catch (IOException | IllegalStateException e) {
        // The connection is gone; the client reconnects and replays from its last seq.
        log.debug("chat socket send failed: {}", e.toString());
      }
    }

    synchronized void sendFrame(Map<String, Object> frame) {
      try {
        session.sendMessage(new TextMessage(json.writeValueAsString(frame)));
      } catch (IOException | IllegalStateException e) {
        log.debug("chat socket send failed: {}", e.toString());
      }
    }
  }

  @Override
  public void afterConnectionEstablished(WebSocketSession session) {
    String conversationId = (String) session.getAttributes().get(CONVERSATION);
    long after = (Long) session.getAttributes().get(AFTER);
    Delivery delivery = new Delivery(session, conversationId, after);
    session.getAttributes().put(Delivery.class.getName(), delivery);
    // Subscribe before replaying: a message stored in between reaches the live listener, which
    // fills the gap from the database, so nothing falls between replay and live.
    delivery.unsubscribe = fanout.subscribe(conversationId, delivery::deliver);
    delivery.deliver(null);
    delivery.unsubscribeNotices =
        fanout.subscribeNotices(conversationId, n -> delivery.sendFrame(n.frame()));
  }

  @Override
  protected void handleTextMessage(WebSocketSession session, TextMessage message) {
    Delivery delivery = (Delivery) session.getAttributes().get(Delivery.class.getName());
    String clientMessageId = null;
    try {
      JsonNode frame = json.readTree(message.getPayload());
      if (frame == null || !"message".equals(frame.path("type").asText())) {
        throw new ChatRefusedException(
            ChatRefusedException.Kind.INVALID, "a frame must be {\"type\":\"message\",…}");
      }
      clientMessageId = frame.path("clientMessageId").asText(null);
      Conversation c =
          chat.ofVisitor(delivery.conversationId, (String) session.getAttributes().get(VISITOR));
      ChatMessage stored = chat.visitorSays(c, clientMessageId, frame.path("text").asText(null));
      delivery.sendFrame(
          Map.of("type", "ack", "clientMessageId", clientMessageId, "seq", stored.seq()));
      delivery.deliver(stored);
    } catch (ChatRefusedException e) {
      delivery.sendFrame(
          Map.of(
              "type",
              "error",
              "clientMessageId",
              clientMessageId == null ? "" : clientMessageId,
              "problem",
              e.kind.type,
              "detail",
              e.getMessage()));
    } catch (IOException e) {
      delivery.sendFrame(
          Map.of(
              "type",
              "error",
              "clientMessageId",
              "",
              "problem",
              "chat-invalid",
              "detail",
              "a frame must be JSON"));
    }
  }

  @Override
  public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
    Object delivery = session.getAttributes().get(Delivery.class.getName());
    if (delivery instanceof Delivery d) {
      d.unsubscribe.run();
      d.unsubscribeNotices.run();
    }
  }
}
