package io.contactcenter.onlinechat.internal;

import io.contactcenter.onlinechat.ChatLanguage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers stored messages to the live connections of this instance (WebSocket sessions, waiting
 * long-polls, agent screens). Delivery is best effort: a listener that missed one catches up by seq
 * from the database, which is what makes the channel lossless.
 */
final class ChatFanout {

  private static final Logger log = LoggerFactory.getLogger(ChatFanout.class);

  private final Map<String, Set<Consumer<ChatMessage>>> listeners = new ConcurrentHashMap<>();
  private volatile Consumer<ChatMessage> relay = m -> {};
  private final Map<String, Set<Consumer<QueueNotice>>> noticeListeners = new ConcurrentHashMap<>();
  private final Map<String, QueueNotice> latestNotice = new ConcurrentHashMap<>();
  private volatile Consumer<QueueNotice> noticeRelay = n -> {};
  private final Map<String, Set<Consumer<AgentNotice>>> agentListeners = new ConcurrentHashMap<>();
  private volatile Consumer<AgentNotice> agentRelay = n -> {};

  /**
   * What an agent's screen must hear of besides the messages of its chats: a chat offered to the
   * agent, or a chat that has just become theirs (its messages are then pushed to them too). Live,
   * not stored: a screen that missed one finds the same in the agent's status and inbox when it
   * resyncs.
   */
  record AgentNotice(String agent, Kind kind, String conversationId) {

    enum Kind {
      OFFERED,
      ASSIGNED
    }
  }

  /**
   * Where a waiting visitor stands in the agents' queue: a live notice, not a stored message (it
   * changes every few seconds and says nothing the transcript needs). {@code position} 0: the chat
   * left the queue (an agent took it, it became a ticket), the widget hides the line.
   *
   * @param waitMinutes the expected wait rounded up to whole minutes, at least 1 while waiting
   */
  record QueueNotice(String conversationId, int position, long waitMinutes, ChatLanguage lang) {

    /** The WebSocket frame: {@code {"type":"queue","position":n,"waitMinutes":m,"text":"…"}}. */
    Map<String, Object> frame() {
      Map<String, Object> frame = new LinkedHashMap<>();
      frame.put("type", "queue");
      frame.put("position", position);
      frame.put("waitMinutes", waitMinutes);
      frame.put("text", position > 0 ? BotTexts.queuePlace(lang, position, waitMinutes) : "");
      return frame;
    }
  }

  /** Also hands every message published here to the other instances (RedisChatRelay). */
  void relayTo(Consumer<ChatMessage> relay) {
    this.relay = relay;
  }

  Runnable subscribe(String conversationId, Consumer<ChatMessage> listener) {
    listeners.computeIfAbsent(conversationId, k -> ConcurrentHashMap.newKeySet()).add(listener);
    return () ->
        listeners.computeIfPresent(
            conversationId,
            (k, set) -> {
              set.remove(listener);
              return set.isEmpty() ? null : set;
            });
  }

  /** Also hands every queue notice published here to the other instances. */
  void relayNoticesTo(Consumer<QueueNotice> relay) {
    this.noticeRelay = relay;
  }

  /**
   * Listens to the conversation's queue notices; the latest one, if the chat is waiting, is
   * delivered at once (a visitor who reconnects sees their place without waiting for a change).
   */
  Runnable subscribeNotices(String conversationId, Consumer<QueueNotice> listener) {
    noticeListeners
        .computeIfAbsent(conversationId, k -> ConcurrentHashMap.newKeySet())
        .add(listener);
    QueueNotice latest = latestNotice.get(conversationId);
    if (latest != null) {
      listener.accept(latest);
    }
    return () ->
        noticeListeners.computeIfPresent(
            conversationId,
            (k, set) -> {
              set.remove(listener);
              return set.isEmpty() ? null : set;
            });
  }

  /** The conversation's place while it waits in the queue, as last announced. */
  java.util.Optional<QueueNotice> latestNotice(String conversationId) {
    return java.util.Optional.ofNullable(latestNotice.get(conversationId));
  }

  /** A queue notice from this instance's routing engine: delivered here and to the others. */
  void publishNotice(QueueNotice notice) {
    deliverNoticeHere(notice);
    try {
      noticeRelay.accept(notice);
    } catch (RuntimeException e) {
      // The next change of place is announced again; the position is a hint, not data.
      log.warn("chat queue notice not announced to other instances: {}", e.toString());
    }
  }

  /** A queue notice (from any instance) to this instance's connections. */
  void deliverNoticeHere(QueueNotice notice) {
    if (notice.position() > 0) {
      latestNotice.put(notice.conversationId(), notice);
    } else {
      latestNotice.remove(notice.conversationId());
    }
    Set<Consumer<QueueNotice>> set = noticeListeners.get(notice.conversationId());
    if (set == null) {
      return;
    }
    for (Consumer<QueueNotice> listener : set) {
      try {
        listener.accept(notice);
      } catch (RuntimeException e) {
        log.debug("chat notice listener failed for {}: {}", notice.conversationId(), e.toString());
      }
    }
  }

  /** Also hands every agent notice published here to the other instances. */
  void relayAgentNoticesTo(Consumer<AgentNotice> relay) {
    this.agentRelay = relay;
  }

  /** Listens to the notices for one agent (the agent's open screens on this instance). */
  Runnable subscribeAgent(String agent, Consumer<AgentNotice> listener) {
    agentListeners.computeIfAbsent(agent, k -> ConcurrentHashMap.newKeySet()).add(listener);
    return () ->
        agentListeners.computeIfPresent(
            agent,
            (k, set) -> {
              set.remove(listener);
              return set.isEmpty() ? null : set;
            });
  }

  /** An agent notice from this instance: delivered here and to the others. */
  void publishAgentNotice(AgentNotice notice) {
    deliverAgentNoticeHere(notice);
    try {
      agentRelay.accept(notice);
    } catch (RuntimeException e) {
      // The agent's screen finds the chat at its next resync (cc.chat.agent-resync).
      log.warn("chat agent notice not announced to other instances: {}", e.toString());
    }
  }

  /** An agent notice (from any instance) to this instance's screens of that agent. */
  void deliverAgentNoticeHere(AgentNotice notice) {
    Set<Consumer<AgentNotice>> set = agentListeners.get(notice.agent());
    if (set == null) {
      return;
    }
    for (Consumer<AgentNotice> listener : set) {
      try {
        listener.accept(notice);
      } catch (RuntimeException e) {
        log.debug("chat agent listener failed for {}: {}", notice.agent(), e.toString());
      }
    }
  }

  /** A message stored by this instance: delivered here and announced to the others. */
  void publish(ChatMessage message) {
    deliverHere(message);
    try {
      relay.accept(message);
    } catch (RuntimeException e) {
      // The other instances' clients catch up by seq at their next reconnect or poll.
      log.warn("chat message not announced to other instances: {}", e.toString());
    }
  }

  /** A message stored by another instance (or this one): to this instance's connections. */
  void deliverHere(ChatMessage message) {
    Set<Consumer<ChatMessage>> set = listeners.get(message.conversationId());
    if (set == null) {
      return;
    }
    for (Consumer<ChatMessage> listener : set) {
      try {
        listener.accept(message);
      } catch (RuntimeException e) {
        // One broken connection must not keep the message from the others; it replays by seq.
        log.debug("chat listener failed for {}: {}", message.conversationId(), e.toString());
      }
    }
  }
}
