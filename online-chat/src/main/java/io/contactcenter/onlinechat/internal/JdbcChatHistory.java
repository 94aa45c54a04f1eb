package io.contactcenter.onlinechat.internal;

import io.contactcenter.common.PhoneNumber;
import io.contactcenter.onlinechat.ChatHistory;
import io.contactcenter.onlinechat.ChatLanguage;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Past chats by the customer's number (index from migration V91). */
final class JdbcChatHistory implements ChatHistory {

  private final JdbcClient jdbc;

  JdbcChatHistory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<PastChat> ofCustomer(PhoneNumber phone, int limit) {
    return jdbc.sql(
            """
            SELECT c.conversation_id, c.language, c.agent, c.created_at, c.ended_at,
                (SELECT count(*) FROM chat_message m WHERE m.conversation_id = c.conversation_id
                    AND m.sender = 'VISITOR') AS visitor_messages,
                coalesce((SELECT m.body FROM chat_message m
                    WHERE m.conversation_id = c.conversation_id AND m.sender = 'VISITOR'
                    ORDER BY m.seq LIMIT 1), '') AS first_question
            FROM chat_conversation c
            WHERE c.customer_phone = :phone
            ORDER BY c.created_at DESC
            LIMIT :limit
            """)
        .param("phone", phone.e164())
        .param("limit", Math.max(1, Math.min(limit, 200)))
        .query(
            (rs, n) -> {
              Timestamp ended = rs.getTimestamp("ended_at");
              return new PastChat(
                  rs.getString("conversation_id"),
                  ChatLanguage.of(rs.getString("language")),
                  rs.getString("agent"),
                  rs.getTimestamp("created_at").toInstant(),
                  ended == null ? null : ended.toInstant(),
                  rs.getLong("visitor_messages"),
                  rs.getString("first_question"));
            })
        .list();
  }
}
