package io.contactcenter.onlinechat.internal;

import io.contactcenter.onlinechat.ChatLanguage;
import io.contactcenter.onlinechat.internal.ChatRefusedException.Kind;
import io.contactcenter.onlinechat.internal.domain.BotDecision;
import io.contactcenter.onlinechat.internal.domain.FaqSuggester;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Knowledge-base cold start from the stored chats (ADR 0024): mines the visitors' questions that
 * the bot cannot answer today (it would ask to rephrase or offer choices; not a request for a
 * person, not anger, not an order number) from conversations agents answered, groups them with
 * {@link FaqSuggester}, and keeps the groups as suggestions an admin accepts (an FAQ the bot
 * answers from at once), edits first, or dismisses (its questions are not suggested again).
 */
class FaqSuggestions {

  private static final Logger log = LoggerFactory.getLogger(FaqSuggestions.class);

  /** The newest conversations with an agent's reply that one refresh reads. */
  static final int MAX_CONVERSATIONS = 5_000;

  /**
   * The questions one refresh groups at most (clustering is near-linear; this keeps it seconds).
   */
  static final int MAX_QUESTIONS = 20_000;

  /**
   * How alike two questions must be to group (cosine of TF-IDF vectors, IDF + 1). A little above
   * the upload's 0.25: chat questions are short, and one shared everyday word ("get") must not
   * group "can I get it gift wrapped" with "how do I get an invoice" (FaqSuggesterTest).
   */
  static final double THRESHOLD = 0.3;

  enum State {
    OPEN,
    ACCEPTED,
    DISMISSED
  }

  /** A stored suggestion; {@code questions} start with the title. */
  record Suggestion(
      String suggestionId,
      String lang,
      String title,
      List<String> questions,
      String answer,
      int size,
      int conversations,
      int answerVotes,
      State state,
      String faqId) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final IndexedFaqBot bot;
  private final KnowledgeBaseSync sync;
  private final JdbcKnowledgeBase knowledgeBase;
  private final FaqSuggester suggester;
  private final Clock clock;

  FaqSuggestions(
      JdbcClient jdbc,
      TransactionTemplate tx,
      IndexedFaqBot bot,
      KnowledgeBaseSync sync,
      JdbcKnowledgeBase knowledgeBase,
      FaqSuggester suggester,
      Clock clock) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.bot = bot;
    this.sync = sync;
    this.knowledgeBase = knowledgeBase;
    this.suggester = suggester;
    this.clock = clock;
  }

  /**
   * Suggests again for one language from the history as it is now: its open suggestions are
   * replaced; accepted and dismissed ones stay.
   */
  synchronized List<Suggestion> refresh(ChatLanguage lang) {
    Set<String> dismissed = new HashSet<>();
    jdbc.sql(
            """
            SELECT q.question FROM chat_faq_suggestion_question q
            JOIN chat_faq_suggestion s ON s.suggestion_id = q.suggestion_id
            WHERE s.lang = ? AND s.state = 'DISMISSED'
            """)
        .param(lang.tag())
        .query(String.class)
        .list()
        .forEach(q -> dismissed.add(FaqSuggester.key(q)));
    List<FaqSuggester.AnsweredQuestion> history = unanswered(lang, dismissed);
    List<FaqSuggester.Suggestion> found = suggester.suggest(history);
    Instant at = clock.instant();
    tx.executeWithoutResult(
        s -> {
          jdbc.sql("DELETE FROM chat_faq_suggestion WHERE lang = ? AND state = 'OPEN'")
              .param(lang.tag())
              .update();
          for (FaqSuggester.Suggestion f : found) {
            String id = UUID.randomUUID().toString();
            jdbc.sql(
                    """
                    INSERT INTO chat_faq_suggestion (suggestion_id, lang, title, answer, size,
                        conversations, answer_votes, state, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)
                    """)
                .params(
                    id,
                    lang.tag(),
                    f.title(),
                    f.answer(),
                    f.size(),
                    f.conversations(),
                    f.answerVotes(),
                    Timestamp.from(at))
                .update();
            for (int i = 0; i < f.questions().size(); i++) {
              jdbc.sql(
                      "INSERT INTO chat_faq_suggestion_question (suggestion_id, position, question)"
                          + " VALUES (?, ?, ?)")
                  .params(id, i, f.questions().get(i))
                  .update();
            }
          }
        });
    log.info(
        "FAQ suggestions ({}): {} unanswered questions in {} suggestions",
        lang.tag(),
        history.size(),
        found.size());
    return open(lang);
  }

  /** Visitor questions the bot cannot answer now, each with the agents' later replies. */
  private List<FaqSuggester.AnsweredQuestion> unanswered(ChatLanguage lang, Set<String> dismissed) {
    record Line(String conversationId, String sender, String body) {}
    List<Line> lines =
        jdbc.sql(
                """
                SELECT m.conversation_id, m.sender, m.body FROM chat_message m
                WHERE m.conversation_id IN (
                    SELECT c.conversation_id FROM chat_conversation c
                    WHERE c.language = ? AND EXISTS (
                        SELECT 1 FROM chat_message a
                        WHERE a.conversation_id = c.conversation_id AND a.sender = 'AGENT')
                    ORDER BY c.created_at DESC LIMIT ?)
                  AND m.sender IN ('VISITOR', 'AGENT') AND m.attachment_id IS NULL
                ORDER BY m.conversation_id, m.seq
                """)
            .params(lang.tag(), MAX_CONVERSATIONS)
            .query(
                (rs, row) ->
                    new Line(
                        rs.getString("conversation_id"),
                        rs.getString("sender"),
                        rs.getString("body")))
            .list();
    List<FaqSuggester.AnsweredQuestion> questions = new ArrayList<>();
    for (int i = 0; i < lines.size() && questions.size() < MAX_QUESTIONS; i++) {
      Line line = lines.get(i);
      if (!line.sender().equals("VISITOR")
          || dismissed.contains(FaqSuggester.key(line.body()))
          || !botCannotAnswer(line.body(), lang)) {
        continue;
      }
      List<String> answers = new ArrayList<>();
      for (int j = i + 1;
          j < lines.size() && lines.get(j).conversationId().equals(line.conversationId());
          j++) {
        if (lines.get(j).sender().equals("AGENT")) {
          answers.add(lines.get(j).body());
        }
      }
      if (!answers.isEmpty()) {
        questions.add(
            new FaqSuggester.AnsweredQuestion(line.conversationId(), line.body(), answers));
      }
    }
    return questions;
  }

  private boolean botCannotAnswer(String text, ChatLanguage lang) {
    BotDecision decision = bot.decide(text, lang, 0);
    return decision instanceof BotDecision.Rephrase || decision instanceof BotDecision.Clarify;
  }

  /** The open suggestions of a language (both when null), largest first. */
  List<Suggestion> open(ChatLanguage lang) {
    return query("s.state = 'OPEN'" + (lang == null ? "" : " AND s.lang = ?"), lang);
  }

  Optional<Suggestion> find(String suggestionId) {
    return query("s.suggestion_id = ?", suggestionId).stream().findFirst();
  }

  private List<Suggestion> query(String where, Object param) {
    Map<String, List<String>> questions = new LinkedHashMap<>();
    List<Suggestion> rows =
        jdbc.sql(
                "SELECT s.* FROM chat_faq_suggestion s WHERE "
                    + where
                    + " ORDER BY s.size DESC, s.conversations DESC, s.title")
            .params(
                param == null
                    ? List.of()
                    : List.of(param instanceof ChatLanguage l ? l.tag() : param))
            .query(
                (rs, row) ->
                    new Suggestion(
                        rs.getString("suggestion_id"),
                        rs.getString("lang"),
                        rs.getString("title"),
                        questions.computeIfAbsent(
                            rs.getString("suggestion_id"), k -> new ArrayList<>()),
                        rs.getString("answer"),
                        rs.getInt("size"),
                        rs.getInt("conversations"),
                        rs.getInt("answer_votes"),
                        State.valueOf(rs.getString("state")),
                        rs.getString("faq_id")))
            .list();
    if (rows.isEmpty()) {
      return rows;
    }
    jdbc.sql(
            "SELECT suggestion_id, question FROM chat_faq_suggestion_question"
                + " WHERE suggestion_id = ANY (?) ORDER BY suggestion_id, position")
        .param(questions.keySet().toArray(String[]::new))
        .query(
            rs -> {
              questions.get(rs.getString("suggestion_id")).add(rs.getString("question"));
            });
    return rows.stream()
        .map(
            r ->
                new Suggestion(
                    r.suggestionId(),
                    r.lang(),
                    r.title(),
                    List.copyOf(r.questions()),
                    r.answer(),
                    r.size(),
                    r.conversations(),
                    r.answerVotes(),
                    r.state(),
                    r.faqId()))
        .toList();
  }

  /**
   * Makes the open suggestion the given FAQ (its id must be new) and the bot answers from it at
   * once.
   */
  JdbcKnowledgeBase.FaqRow accept(String suggestionId, FaqImport.Faq faq, String admin) {
    tx.executeWithoutResult(
        s -> {
          lockOpen(suggestionId);
          if (knowledgeBase.find(faq.faqId(), faq.lang().tag()).isPresent()) {
            throw new ChatRefusedException(
                Kind.FAQ_EXISTS,
                "an FAQ "
                    + faq.faqId()
                    + " already exists in "
                    + faq.lang().tag()
                    + ": choose another id");
          }
          knowledgeBase.save(List.of(faq), clock.instant());
          decide(suggestionId, State.ACCEPTED, faq.faqId(), admin);
        });
    sync.changed();
    log.info("FAQ suggestion {} accepted as {} by {}", suggestionId, faq.faqId(), admin);
    return knowledgeBase.find(faq.faqId(), faq.lang().tag()).orElseThrow();
  }

  /** Dismisses the open suggestion: its questions are not suggested again. */
  void dismiss(String suggestionId, String admin) {
    tx.executeWithoutResult(
        s -> {
          lockOpen(suggestionId);
          decide(suggestionId, State.DISMISSED, null, admin);
        });
    log.info("FAQ suggestion {} dismissed by {}", suggestionId, admin);
  }

  private void lockOpen(String suggestionId) {
    String state =
        jdbc.sql("SELECT state FROM chat_faq_suggestion WHERE suggestion_id = ? FOR UPDATE")
            .param(suggestionId)
            .query(String.class)
            .optional()
            .orElseThrow(
                () -> new ChatRefusedException(Kind.NOT_FOUND, "no suggestion " + suggestionId));
    if (!state.equals("OPEN")) {
      throw new ChatRefusedException(
          Kind.SUGGESTION_DECIDED,
          "the suggestion was already " + state.toLowerCase(Locale.ROOT) + "; refresh the list");
    }
  }

  private void decide(String suggestionId, State state, String faqId, String admin) {
    jdbc.sql(
            "UPDATE chat_faq_suggestion SET state = ?, faq_id = ?, decided_at = ?, decided_by = ?"
                + " WHERE suggestion_id = ?")
        .params(state.name(), faqId, Timestamp.from(clock.instant()), admin, suggestionId)
        .update();
  }
}
