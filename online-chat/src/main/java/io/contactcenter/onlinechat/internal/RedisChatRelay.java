package io.contactcenter.onlinechat.internal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Tells the other app instances that a message was stored, so a visitor connected to one instance
 * sees at once what an agent on another wrote. Only the message's key travels ({@code
 * instance|conversation|seq}); the receiver reads the message from PostgreSQL, which stays the one
 * source: a lost announcement delays a message until the next reconnect or poll, never loses it.
 */
final class RedisChatRelay implements MessageListener {

  static final String CHANNEL = "cc:chat:messages";
  static final String QUEUE_CHANNEL = "cc:chat:queue";
  static final String AGENT_CHANNEL = "cc:chat:agents";
  private static final Logger log = LoggerFactory.getLogger(RedisChatRelay.class);

  private final StringRedisTemplate redis;
  private final ChatFanout fanout;
  private final JdbcConversations conversations;
  private final String instance = UUID.randomUUID().toString();

  RedisChatRelay(StringRedisTemplate redis, ChatFanout fanout, JdbcConversations conversations) {
    this.redis = redis;
    this.fanout = fanout;
    this.conversations = conversations;
    fanout.relayTo(this::announce);
    fanout.relayNoticesTo(this::announceNotice);
    fanout.relayAgentNoticesTo(this::announceAgentNotice);
  }

  /** An agent notice travels whole ({@code instance|agent|kind|conversation}). */
  void announceAgentNotice(ChatFanout.AgentNotice n) {
    redis.convertAndSend(
        AGENT_CHANNEL,
        instance + "|" + n.agent() + "|" + n.kind().name() + "|" + n.conversationId());
  }

  /** A queue notice travels whole ({@code instance|conversation|position|minutes|lang}). */
  void announceNotice(ChatFanout.QueueNotice n) {
    redis.convertAndSend(
        QUEUE_CHANNEL,
        instance
            + "|"
            + n.conversationId()
            + "|"
            + n.position()
            + "|"
            + n.waitMinutes()
            + "|"
            + n.lang().tag());
  }

  void announce(ChatMessage m) {
    redis.convertAndSend(CHANNEL, instance + "|" + m.conversationId() + "|" + m.seq());
  }

  @Override
  public void onMessage(Message message, byte[] pattern) {
    String[] parts = new String(message.getBody(), StandardCharsets.UTF_8).split("\\|");
    if (AGENT_CHANNEL.equals(new String(message.getChannel(), StandardCharsets.UTF_8))) {
      if (parts.length == 4 && !parts[0].equals(instance)) {
        try {
          fanout.deliverAgentNoticeHere(
              new ChatFanout.AgentNotice(
                  parts[1], ChatFanout.AgentNotice.Kind.valueOf(parts[2]), parts[3]));
        } catch (IllegalArgumentException e) {
          log.debug("chat relay ignored a malformed agent notice");
        }
      }
      return;
    }
    if (parts.length == 5 && !parts[0].equals(instance)) {
      try {
        fanout.deliverNoticeHere(
            new ChatFanout.QueueNotice(
                parts[1],
                Integer.parseInt(parts[2]),
                Long.parseLong(parts[3]),
                io.contactcenter.onlinechat.ChatLanguage.of(parts[4])));
      } catch (IllegalArgumentException e) {
        log.debug("chat relay ignored a malformed queue notice");
      }
      return;
    }
    if (parts.length != 3 || parts[0].equals(instance)) {
      return;
    }
    long seq;
    try {
      seq = Long.parseLong(parts[2]);
    } catch (NumberFormatException e) {
      log.debug("chat relay ignored a malformed announcement");
      return;
    }
    conversations.after(parts[1], seq - 1, 1).stream()
        .filter(m -> m.seq() == seq)
        .findFirst()
        .ifPresent(fanout::deliverHere);
  }
}
