package io.contactcenter.onlinechat.internal;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The knowledge base's version in PostgreSQL ({@code chat_kb_version}, V154): one counter that
 * every change of the FAQs or the shop's synonym groups raises after it committed, so an instance
 * learns whether its bot is behind by reading one row (ADR 0058).
 */
class JdbcKnowledgeBaseVersion {

  private final JdbcClient jdbc;

  JdbcKnowledgeBaseVersion(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The stored version now. */
  long current() {
    return jdbc.sql("SELECT version FROM chat_kb_version").query(Long.class).single();
  }

  /** Raises the version (in a transaction of its own) and returns the new one. */
  long raise(Instant at) {
    return jdbc.sql(
            "UPDATE chat_kb_version SET version = version + 1, changed_at = ? RETURNING version")
        .param(Timestamp.from(at))
        .query(Long.class)
        .single();
  }
}
