package io.contactcenter.onlinechat.internal;

import io.contactcenter.onlinechat.ChatLanguage;
import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactRouting;
import io.contactcenter.routing.QueuePlace;
import io.contactcenter.routing.WaitingContact;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Tells each waiting visitor where they stand: every {@code cc.chat.queue-update-interval} it asks
 * this instance's routing engine ({@link ContactRouting#place}) for the place and expected wait of
 * every chat waiting here, and announces a {@link ChatFanout.QueueNotice} when the position or the
 * whole minutes changed, and one with position 0 when the chat left the queue. Only the instance
 * that queued a chat knows its place (ADR 0007); the notice reaches a visitor connected to another
 * instance through the Redis relay.
 */
class ChatQueuePositions implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ChatQueuePositions.class);

  private final ContactRouting routing;
  private final Function<String, Optional<ChatLanguage>> languages;
  private final ChatFanout fanout;
  private final Duration interval;
  // Only touched by the single scheduler thread (and tests calling update() directly).
  private final Map<String, ChatFanout.QueueNotice> announced = new HashMap<>();
  private ScheduledExecutorService scheduler;

  /**
   * @param languages a conversation's language by its id; empty for a chat contact this module does
   *     not know (one another system queued through the routing API)
   */
  ChatQueuePositions(
      ContactRouting routing,
      Function<String, Optional<ChatLanguage>> languages,
      ChatFanout fanout,
      Duration interval) {
    this.routing = routing;
    this.languages = languages;
    this.fanout = fanout;
    this.interval = interval;
  }

  /** One round: announces every changed place, and the chats that left the queue. */
  synchronized void update() {
    Set<String> stillWaiting = new HashSet<>();
    for (WaitingContact w : routing.waiting()) {
      if (w.channel() != ContactChannel.CHAT || !w.id().value().startsWith("chat:")) {
        continue;
      }
      String conversationId = w.id().value().substring("chat:".length());
      Optional<QueuePlace> place = routing.place(w.id());
      if (place.isEmpty()) {
        continue; // offered meanwhile
      }
      ChatFanout.QueueNotice previous = announced.get(conversationId);
      ChatLanguage lang =
          previous != null ? previous.lang() : languages.apply(conversationId).orElse(null);
      if (lang == null) {
        continue;
      }
      stillWaiting.add(conversationId);
      ChatFanout.QueueNotice notice =
          new ChatFanout.QueueNotice(
              conversationId, place.get().position(), minutes(place.get().estimatedWait()), lang);
      if (!notice.equals(previous)) {
        announced.put(conversationId, notice);
        fanout.publishNotice(notice);
      }
    }
    for (Iterator<Map.Entry<String, ChatFanout.QueueNotice>> it = announced.entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<String, ChatFanout.QueueNotice> e = it.next();
      if (!stillWaiting.contains(e.getKey())) {
        it.remove();
        fanout.publishNotice(new ChatFanout.QueueNotice(e.getKey(), 0, 0, e.getValue().lang()));
      }
    }
  }

  /** Whole minutes, rounded up, at least one: "about 0 minutes" would promise too much. */
  static long minutes(Duration wait) {
    long seconds = Math.max(0, wait.toSeconds());
    return Math.max(1, (seconds + 59) / 60);
  }

  @Override
  public void start() {
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("chat-queue-positions").daemon(true).factory());
    long every = Math.max(100, interval.toMillis());
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            update();
          } catch (RuntimeException e) {
            // The next round retries; a thrown exception would cancel the schedule for good.
            log.warn("chat queue positions not updated: {}", e.toString());
          }
        },
        every,
        every,
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }
}
