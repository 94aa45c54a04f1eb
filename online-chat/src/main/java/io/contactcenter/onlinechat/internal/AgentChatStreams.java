package io.contactcenter.onlinechat.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.onlinechat.spi.AgentAccess;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The agents' live chat screens ({@code GET /api/v1/chat/agent/events}, server-sent events): each
 * stream follows, through {@link ChatFanout}, the conversations assigned to its agent and pushes
 * their new messages as they are stored on any instance (the Redis relay brings the others'), a
 * chat offered to the agent, a chat that became theirs and a chat that ended. Events:
 *
 * <ul>
 *   <li>{@code ready} {@code {"conversations":[ids]}} once the stream follows the agent's chats:
 *       the page then reads what it missed (by seq) and the inbox;
 *   <li>{@code message} a stored message of a followed chat, the widget's frame plus {@code
 *       conversationId}; best effort, the page fills a gap in the seqs from the messages API;
 *   <li>{@code offered} / {@code assigned} {@code {"conversationId":…}};
 *   <li>{@code ended} {@code {"conversationId":…}} after the chat's last message.
 * </ul>
 *
 * <p>An agent only ever follows a conversation the database says is theirs (state AGENT, their
 * name): on open, on every assignment notice and at every resync ({@code cc.chat.agent-resync}),
 * which also drops chats that stopped being theirs and sends a keep-alive comment. Delivery never
 * blocks the thread that stored the message: events queue per stream and a virtual thread writes
 * them in order; a stream that stops draining is closed (the page reconnects and resyncs).
 *
 * <p>The account that opened a stream is checked again every {@link #ACCESS_CHECK} ({@link
 * AgentAccess}, which the app implements): when it was disabled, its password reset or its roles
 * changed, the stream stops following its chats, gets an {@code account-changed} event and closes,
 * and the page's reconnect is a new request held to the account as it is now.
 */
final class AgentChatStreams implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(AgentChatStreams.class);

  /** A stream closes after this long; the page's EventSource then opens a fresh one. */
  private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

  /** How often each stream's account is checked again (as the app's own streams are). */
  static final Duration ACCESS_CHECK = Duration.ofSeconds(5);

  /** Events a stream may have waiting before it is given up as stalled. */
  static final int MAX_QUEUED = 10_000;

  private final ChatService chat;
  private final ChatFanout fanout;
  private final ObjectMapper json;
  private final AgentAccess access;
  private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
  private final ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("chat-agent-resync").daemon(true).factory());

  AgentChatStreams(
      ChatService chat, ChatFanout fanout, ObjectMapper json, Duration resync, AgentAccess access) {
    this(chat, fanout, json, resync, access, ACCESS_CHECK);
  }

  /** With another period between account checks (tests). */
  AgentChatStreams(
      ChatService chat,
      ChatFanout fanout,
      ObjectMapper json,
      Duration resync,
      AgentAccess access,
      Duration accessCheck) {
    this.chat = chat;
    this.fanout = fanout;
    this.json = json;
    this.access = access;
    ticker.scheduleWithFixedDelay(
        this::resyncAll, resync.toMillis(), resync.toMillis(), TimeUnit.MILLISECONDS);
    ticker.scheduleWithFixedDelay(
        this::checkAccess, accessCheck.toMillis(), accessCheck.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Opens the signed-in agent's stream: follows their chats, then says {@code ready}. */
  SseEmitter open(String agent) {
    SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
    // On the request's thread, where the signed-in user is known.
    Stream stream = new Stream(agent, emitter, access.capture());
    emitter.onCompletion(stream::close);
    emitter.onTimeout(stream::close);
    emitter.onError(e -> stream.close());
    streams.add(stream);
    // Notices first: a chat assigned while the list is read is followed either way.
    stream.unsubscribeNotices = fanout.subscribeAgent(agent, stream::notice);
    stream.resync();
    // Sent here, before the emitter is returned: Spring buffers it and writes it on the request's
    // thread, which commits the response there. A first write from another thread could race
    // the filters still setting headers on the way out (Tomcat's headers are not thread-safe).
    try {
      emitter.send(
          SseEmitter.event()
              .name("ready")
              .data(
                  json.writeValueAsString(
                      Map.of("conversations", List.copyOf(stream.following.keySet())))));
      stream.opened = true;
    } catch (IOException e) {
      stream.close();
      endWithError(emitter, e);
    }
    return emitter;
  }

  /**
   * Ends a stream whose write failed. The request may be over already (the client went away and the
   * container errored the async context first): then there is nothing left to end.
   */
  private static void endWithError(SseEmitter emitter, Exception e) {
    try {
      emitter.completeWithError(e);
    } catch (IllegalStateException over) {
      // The request is over already.
    }
  }

  int open() {
    return streams.size();
  }

  /** One stream after the other on one virtual thread: a resync takes one pool connection. */
  private void resyncAll() {
    try {
      writers.execute(
          () -> {
            for (Stream stream : streams) {
              try {
                stream.resync();
                stream.enqueueComment();
              } catch (RuntimeException e) {
                // The database restarting: the next resync tries again.
                log.warn("chat agent stream resync failed: {}", e.toString());
              }
            }
          });
    } catch (RejectedExecutionException e) {
      // shutting down
    }
  }

  /**
   * Closes the streams whose account no longer stands as when they opened, one after the other on
   * one virtual thread (each check may read the database).
   */
  private void checkAccess() {
    try {
      writers.execute(
          () -> {
            for (Stream stream : streams) {
              try {
                // A stream still opening is left to its request's thread (see open).
                if (stream.opened && !stream.access.getAsBoolean()) {
                  stream.accountChanged();
                }
              } catch (RuntimeException e) {
                // The database restarting: the next check tries again.
                log.warn("chat agent stream account check failed: {}", e.toString());
              }
            }
          });
    } catch (RejectedExecutionException e) {
      // shutting down
    }
  }

  @Override
  public void destroy() {
    ticker.shutdownNow();
    for (Stream stream : streams) {
      stream.close();
      try {
        stream.emitter.complete();
      } catch (IllegalStateException e) {
        // The request is over already (the server stopping closed it first).
      }
    }
    writers.shutdownNow();
  }

  /** One open screen of one agent. */
  private final class Stream {
    final String agent;
    final SseEmitter emitter;

    /** Whether the account that opened the stream still stands as it did. */
    final BooleanSupplier access;

    /** Its first event was handed to the request's thread: others may write from now on. */
    volatile boolean opened;

    final Map<String, Runnable> following = new ConcurrentHashMap<>();
    private final ArrayDeque<SseEmitter.SseEventBuilder> queue = new ArrayDeque<>();
    private boolean writing;
    private volatile boolean closed;
    volatile Runnable unsubscribeNotices = () -> {};

    Stream(String agent, SseEmitter emitter, BooleanSupplier access) {
      this.agent = agent;
      this.emitter = emitter;
      this.access = access;
    }

    /**
     * The account was disabled or changed: nothing more of the agent's chats is sent (the queue is
     * dropped), the page is told and the stream ends.
     */
    void accountChanged() {
      log.info("chat agent stream of {} closed: the account changed", agent);
      close();
      try {
        // The emitter orders this after a write the drain may still be in.
        emitter.send(SseEmitter.event().name("account-changed").data("account-changed"));
        emitter.complete();
      } catch (IOException | IllegalStateException e) {
        endWithError(emitter, e);
      }
    }

    /** Follows exactly the chats the database says are the agent's. */
    void resync() {
      Set<String> mine = ConcurrentHashMap.newKeySet();
      for (Conversation c : chat.servedBy(agent)) {
        mine.add(c.conversationId());
        follow(c.conversationId());
      }
      for (String id : List.copyOf(following.keySet())) {
        if (!mine.contains(id)) {
          unfollow(id);
        }
      }
    }

    private void follow(String conversationId) {
      if (closed) {
        return;
      }
      following.computeIfAbsent(conversationId, id -> fanout.subscribe(id, m -> message(m, id)));
      if (closed) {
        unfollow(conversationId);
      }
    }

    private void unfollow(String conversationId) {
      Runnable unsubscribe = following.remove(conversationId);
      if (unsubscribe != null) {
        unsubscribe.run();
      }
    }

    private void message(ChatMessage m, String conversationId) {
      Map<String, Object> frame = new LinkedHashMap<>(ChatService.frame(m));
      frame.put("conversationId", conversationId);
      enqueue("message", frame);
      if (m.sender() == ChatMessage.Sender.SYSTEM
          && ChatStateChanges.ENDED_MESSAGE.equals(m.clientMessageId())) {
        unfollow(conversationId);
        enqueue("ended", Map.of("conversationId", conversationId));
      }
    }

    private void notice(ChatFanout.AgentNotice notice) {
      switch (notice.kind()) {
        case OFFERED -> enqueue("offered", Map.of("conversationId", notice.conversationId()));
        case ASSIGNED ->
            writers.execute(
                () -> {
                  // Checked against the database, not taken from the notice: only the agent's
                  // own chats are ever followed.
                  try {
                    Conversation c = chat.conversation(notice.conversationId());
                    if (c.state() == Conversation.State.AGENT && agent.equals(c.agent())) {
                      follow(c.conversationId());
                      enqueue("assigned", Map.of("conversationId", c.conversationId()));
                    }
                  } catch (RuntimeException e) {
                    log.warn(
                        "chat agent stream could not follow an assigned chat: {}", e.toString());
                  }
                });
      }
    }

    void enqueue(String name, Object data) {
      String text;
      try {
        text = json.writeValueAsString(data);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      add(SseEmitter.event().name(name).data(text));
    }

    void enqueueComment() {
      // Proxies keep an idle stream open, and a page that went away fails the write.
      add(SseEmitter.event().comment("keep-alive"));
    }

    private void add(SseEmitter.SseEventBuilder event) {
      synchronized (this) {
        if (closed) {
          return;
        }
        if (queue.size() >= MAX_QUEUED) {
          log.warn("chat agent stream of {} stopped draining: closed", agent);
          closed = true;
          queue.clear();
        } else {
          queue.add(event);
          if (writing) {
            return;
          }
          writing = true;
        }
      }
      if (closed) {
        close();
        try {
          emitter.complete();
        } catch (IllegalStateException e) {
          // The request is over already.
        }
        return;
      }
      try {
        writers.execute(this::drain);
      } catch (RejectedExecutionException e) {
        close(); // shutting down
      }
    }

    private void drain() {
      while (true) {
        SseEmitter.SseEventBuilder next;
        synchronized (this) {
          next = queue.poll();
          if (next == null || closed) {
            writing = false;
            return;
          }
        }
        try {
          emitter.send(next);
        } catch (IOException | IllegalStateException e) {
          // The page went away: it reconnects and reads what it missed by seq.
          close();
          endWithError(emitter, e);
          synchronized (this) {
            writing = false;
          }
          return;
        }
      }
    }

    void close() {
      synchronized (this) {
        closed = true;
        queue.clear();
      }
      streams.remove(this);
      unsubscribeNotices.run();
      for (String id : List.copyOf(following.keySet())) {
        unfollow(id);
      }
    }
  }
}
