package io.contactcenter.onlinechat.internal;

import io.contactcenter.onlinechat.ChatLanguage;
import io.contactcenter.onlinechat.internal.domain.Synonyms;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The shop's own synonym groups in PostgreSQL ({@code chat_synonym_group}, V152). */
class JdbcShopSynonyms {

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  JdbcShopSynonyms(JdbcClient jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  /** A language's groups in the admin's order. */
  List<Synonyms.Group> groups(ChatLanguage lang) {
    return jdbc.sql(
            "SELECT canonical, variants FROM chat_synonym_group WHERE lang = ? ORDER BY position")
        .param(lang.tag())
        .query(
            (rs, n) -> {
              Array variants = rs.getArray("variants");
              return new Synonyms.Group(
                  rs.getString("canonical"),
                  List.copyOf(Arrays.asList((String[]) variants.getArray())));
            })
        .list();
  }

  /** Replaces a language's groups in one transaction. */
  void replace(ChatLanguage lang, List<Synonyms.Group> groups, Instant at) {
    tx.executeWithoutResult(
        status -> {
          jdbc.sql("DELETE FROM chat_synonym_group WHERE lang = ?").param(lang.tag()).update();
          for (int i = 0; i < groups.size(); i++) {
            Synonyms.Group g = groups.get(i);
            jdbc.sql(
                    "INSERT INTO chat_synonym_group (lang, position, canonical, variants,"
                        + " updated_at) VALUES (?, ?, ?, ?, ?)")
                .params(
                    lang.tag(),
                    i,
                    g.canonical(),
                    g.variants().toArray(String[]::new),
                    Timestamp.from(at))
                .update();
          }
        });
  }
}
