package io.contactcenter.onlinechat.internal;

import io.contactcenter.onlinechat.ChatLanguage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Conversations and their messages in PostgreSQL (V45__online_chat.sql). */
class JdbcConversations {

  private final JdbcClient jdbc;

  JdbcConversations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void create(Conversation c) {
    jdbc.sql(
            """
            INSERT INTO chat_conversation (conversation_id, site, visitor_id, customer_id,
                customer_name, customer_phone, customer_tier, language, state, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            c.conversationId(),
            c.site(),
            c.visitorId(),
            c.customer().id(),
            c.customer().name(),
            c.customer().phone(),
            c.customer().tier(),
            c.language().tag(),
            c.state().name(),
            Timestamp.from(c.createdAt()))
        .update();
  }

  Optional<Conversation> find(String conversationId) {
    return jdbc.sql("SELECT * FROM chat_conversation WHERE conversation_id = ?")
        .param(conversationId)
        .query(JdbcConversations::conversation)
        .optional();
  }

  /** The visitor's latest conversation that has not ended, if any. */
  Optional<Conversation> openOf(String visitorId, String site) {
    return jdbc.sql(
            """
            SELECT * FROM chat_conversation WHERE visitor_id = ? AND site = ? AND state <> 'ENDED'
            ORDER BY created_at DESC LIMIT 1
            """)
        .params(visitorId, site)
        .query(JdbcConversations::conversation)
        .optional();
  }

  /**
   * Stores a message under the next seq, or returns the one stored earlier with the same client id
   * from the same sender: the conversation row's lock orders concurrent appends.
   */
  Appended append(
      String conversationId,
      ChatMessage.Sender sender,
      String author,
      String clientMessageId,
      String body,
      String faqId,
      Instant at) {
    return append(conversationId, sender, author, clientMessageId, body, faqId, at, null);
  }

  /**
   * As above, for a message that carries a stored image. One statement, one round trip: it takes
   * the next seq (locking the conversation row until it commits) only when no message with that
   * client id is stored, and inserts the message under it. Outside a transaction it has committed
   * when this returns. Two resends of one message at once: the second waits for the row lock, then
   * either finds the first or breaks the unique key, and returns the stored one either way.
   */
  Appended append(
      String conversationId,
      ChatMessage.Sender sender,
      String author,
      String clientMessageId,
      String body,
      String faqId,
      Instant at,
      String attachmentId) {
    Optional<Long> seq;
    try {
      seq =
          jdbc.sql(
                  """
                  WITH next AS (
                      UPDATE chat_conversation SET last_seq = last_seq + 1
                      WHERE conversation_id = :conversation AND NOT EXISTS (
                          SELECT 1 FROM chat_message WHERE conversation_id = :conversation
                              AND sender = :sender AND client_message_id = :client)
                      RETURNING last_seq)
                  INSERT INTO chat_message (conversation_id, seq, sender, author,
                      client_message_id, body, faq_id, sent_at, attachment_id)
                  SELECT :conversation, last_seq, :sender, :author, :client, :body, :faq, :at,
                      :attachment
                  FROM next
                  RETURNING seq
                  """)
              .param("conversation", conversationId)
              .param("sender", sender.name())
              // Nulls typed: an untyped null costs the driver a round trip to ask its type.
              .param("author", author, Types.VARCHAR)
              .param("client", clientMessageId)
              .param("body", body)
              .param("faq", faqId, Types.VARCHAR)
              .param("at", Timestamp.from(at))
              .param("attachment", attachmentId, Types.VARCHAR)
              .query(Long.class)
              .optional();
    } catch (DuplicateKeyException resentMeanwhile) {
      seq = Optional.empty();
    }
    if (seq.isPresent()) {
      return new Appended(
          new ChatMessage(
              conversationId,
              seq.get(),
              sender,
              author,
              clientMessageId,
              body,
              faqId,
              at,
              attachmentId),
          true);
    }
    return jdbc.sql(
            """
            SELECT * FROM chat_message
            WHERE conversation_id = ? AND sender = ? AND client_message_id = ?
            """)
        .params(conversationId, sender.name(), clientMessageId)
        .query(JdbcConversations::message)
        .optional()
        .map(earlier -> new Appended(earlier, false))
        .orElseThrow(
            () ->
                new ChatRefusedException(
                    ChatRefusedException.Kind.NOT_FOUND, "no conversation " + conversationId));
  }

  /** A message and whether this call stored it (false: a resend of a stored one). */
  record Appended(ChatMessage message, boolean isNew) {}

  List<ChatMessage> after(String conversationId, long afterSeq, int limit) {
    return jdbc.sql(
            "SELECT * FROM chat_message WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?")
        .params(conversationId, afterSeq, limit)
        .query(JdbcConversations::message)
        .list();
  }

  /** Whether this agent wrote in the conversation (they handled it, maybe before a transfer). */
  boolean wroteIn(String conversationId, String agent) {
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM chat_message WHERE conversation_id = ?"
                + " AND sender = 'AGENT' AND author = ?)")
        .params(conversationId, agent)
        .query(Boolean.class)
        .single();
  }

  void countMiss(String conversationId) {
    jdbc.sql(
            "UPDATE chat_conversation SET failed_answers = failed_answers + 1"
                + " WHERE conversation_id = ?")
        .param(conversationId)
        .update();
  }

  /** BOT → WAITING; false if the conversation was not with the bot (already handed over). */
  boolean handOver(String conversationId, Instant at) {
    return jdbc.sql(
                "UPDATE chat_conversation SET state = 'WAITING', handoff_at = ?"
                    + " WHERE conversation_id = ? AND state = 'BOT'")
            .params(Timestamp.from(at), conversationId)
            .update()
        == 1;
  }

  /** WAITING → AGENT for this agent; false if someone else took it first or it is not waiting. */
  boolean assign(String conversationId, String agent) {
    return jdbc.sql(
                "UPDATE chat_conversation SET state = 'AGENT', agent = ?"
                    + " WHERE conversation_id = ? AND state = 'WAITING'")
            .params(agent, conversationId)
            .update()
        == 1;
  }

  /** The conversation, its row locked until the transaction ends. */
  Optional<Conversation> lock(String conversationId) {
    return jdbc.sql("SELECT * FROM chat_conversation WHERE conversation_id = ? FOR UPDATE")
        .param(conversationId)
        .query(JdbcConversations::conversation)
        .optional();
  }

  boolean end(String conversationId, Instant at, String ticketId) {
    return jdbc.sql(
                "UPDATE chat_conversation SET state = 'ENDED', ended_at = ?,"
                    + " ticket_id = COALESCE(?, ticket_id)"
                    + " WHERE conversation_id = ? AND state <> 'ENDED'")
            .params(Timestamp.from(at), ticketId, conversationId)
            .update()
        == 1;
  }

  /** Records the ticket an ended chat became (the visitor gave up waiting). */
  void recordTicket(String conversationId, String ticketId) {
    jdbc.sql("UPDATE chat_conversation SET ticket_id = ? WHERE conversation_id = ?")
        .params(ticketId, conversationId)
        .update();
  }

  /** Conversations handed over before {@code cutoff} and still waiting, oldest first. */
  List<Conversation> waitingSince(Instant cutoff) {
    return jdbc.sql(
            "SELECT * FROM chat_conversation WHERE state = 'WAITING' AND handoff_at < ?"
                + " ORDER BY handoff_at")
        .param(Timestamp.from(cutoff))
        .query(JdbcConversations::conversation)
        .list();
  }

  List<Conversation> waiting() {
    return jdbc.sql(
            "SELECT * FROM chat_conversation WHERE state = 'WAITING' ORDER BY handoff_at, created_at")
        .query(JdbcConversations::conversation)
        .list();
  }

  List<Conversation> servedBy(String agent) {
    return jdbc.sql(
            "SELECT * FROM chat_conversation WHERE state = 'AGENT' AND agent = ? ORDER BY handoff_at")
        .param(agent)
        .query(JdbcConversations::conversation)
        .list();
  }

  /** A stored image. */
  record Attachment(String contentType, byte[] bytes) {}

  void storeAttachment(
      String attachmentId, String conversationId, ImageAttachments.Cleaned image, Instant at) {
    jdbc.sql(
            """
            INSERT INTO chat_attachment (attachment_id, conversation_id, content_type, width,
                height, bytes, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            attachmentId,
            conversationId,
            image.contentType(),
            image.width(),
            image.height(),
            image.bytes(),
            Timestamp.from(at))
        .update();
  }

  Optional<Attachment> attachment(String attachmentId) {
    return jdbc.sql("SELECT content_type, bytes FROM chat_attachment WHERE attachment_id = ?")
        .param(attachmentId)
        .query((rs, row) -> new Attachment(rs.getString("content_type"), rs.getBytes("bytes")))
        .optional();
  }

  /** Stores the rating once; false if the conversation was already rated. */
  boolean rate(String conversationId, int score, String comment, String agent, Instant at) {
    return jdbc.sql(
                """
                INSERT INTO chat_csat (conversation_id, score, comment, agent, rated_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (conversation_id) DO NOTHING
                """)
            .params(conversationId, score, comment, agent, Timestamp.from(at))
            .update()
        == 1;
  }

  private static Conversation conversation(ResultSet rs, int row) throws SQLException {
    Timestamp handoff = rs.getTimestamp("handoff_at");
    return new Conversation(
        rs.getString("conversation_id"),
        rs.getString("site"),
        rs.getString("visitor_id"),
        new Conversation.Customer(
            rs.getString("customer_id"),
            rs.getString("customer_name"),
            rs.getString("customer_phone"),
            rs.getString("customer_tier")),
        ChatLanguage.of(rs.getString("language")),
        Conversation.State.valueOf(rs.getString("state")),
        rs.getString("agent"),
        rs.getInt("failed_answers"),
        rs.getLong("last_seq"),
        rs.getTimestamp("created_at").toInstant(),
        handoff == null ? null : handoff.toInstant(),
        rs.getString("ticket_id"));
  }

  private static ChatMessage message(ResultSet rs, int row) throws SQLException {
    return new ChatMessage(
        rs.getString("conversation_id"),
        rs.getLong("seq"),
        ChatMessage.Sender.valueOf(rs.getString("sender")),
        rs.getString("author"),
        rs.getString("client_message_id"),
        rs.getString("body"),
        rs.getString("faq_id"),
        rs.getTimestamp("sent_at").toInstant(),
        rs.getString("attachment_id"));
  }
}
