package io.contactcenter.onlinechat.internal;

import io.contactcenter.onlinechat.BotReply;
import io.contactcenter.onlinechat.ChatLanguage;
import io.contactcenter.onlinechat.FaqBot;
import io.contactcenter.onlinechat.internal.domain.BotDecision;
import io.contactcenter.onlinechat.internal.domain.BotPolicy;
import io.contactcenter.onlinechat.internal.domain.FaqEntry;
import io.contactcenter.onlinechat.internal.domain.FaqIndex;
import io.contactcenter.onlinechat.internal.domain.FaqMatch;
import io.contactcenter.onlinechat.internal.domain.MeaningWeight;
import io.contactcenter.onlinechat.internal.domain.SentenceEncoder;
import io.contactcenter.onlinechat.internal.domain.Tokenizer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The FAQ bot over an in-memory index per language, rebuilt from the database after every edit, so
 * an edit is answered from at once (on other instances within seconds: {@link KnowledgeBaseSync}).
 * Words are re-indexed in milliseconds; where a language matches by meaning too, only the FAQ texts
 * the edit added or changed are embedded (a few milliseconds each). An edit of the shop's own
 * synonym groups changes what the model reads, so it re-embeds every text of that language (1-3 s
 * for 80 texts on this machine). Reads never lock: they see one whole index.
 */
class IndexedFaqBot implements FaqBot {

  static final int CANDIDATES = 5;

  private final JdbcKnowledgeBase knowledgeBase;
  private final BotLexicons lexicons;
  private final Map<ChatLanguage, BotPolicy> policies;
  private final Map<ChatLanguage, SentenceEncoder> encoders;
  private final Map<ChatLanguage, MeaningWeight> meaning;
  private final AtomicReference<Map<ChatLanguage, FaqIndex>> indexes =
      new AtomicReference<>(Map.of());

  /** The lexicon each language's index was built with (only {@link #reload} touches it). */
  private final Map<ChatLanguage, BotLexicons.Lexicon> indexedWith =
      new EnumMap<>(ChatLanguage.class);

  /**
   * @param lexicons the words and synonyms of each language, the shop's own groups included
   * @param policies the decision thresholds of each language (every language has one)
   * @param encoders the sentence encoder of each language that matches by meaning too
   * @param meaning how much meaning counts, by language; a language missing here or without an
   *     encoder matches by words only
   */
  IndexedFaqBot(
      JdbcKnowledgeBase knowledgeBase,
      BotLexicons lexicons,
      Map<ChatLanguage, BotPolicy> policies,
      Map<ChatLanguage, SentenceEncoder> encoders,
      Map<ChatLanguage, MeaningWeight> meaning) {
    this.knowledgeBase = knowledgeBase;
    this.lexicons = lexicons;
    this.policies = Map.copyOf(policies);
    this.encoders = Map.copyOf(encoders);
    this.meaning = Map.copyOf(meaning);
  }

  /** Rebuilds every language's index from the stored FAQs and the present lexicons. */
  synchronized void reload() {
    Map<ChatLanguage, FaqIndex> current = indexes.get();
    Map<ChatLanguage, FaqIndex> next = new EnumMap<>(ChatLanguage.class);
    for (ChatLanguage lang : ChatLanguage.values()) {
      List<FaqEntry> faqs = knowledgeBase.enabled(lang);
      SentenceEncoder encoder = encoders.get(lang);
      MeaningWeight weight = meaning.getOrDefault(lang, MeaningWeight.NONE);
      BotLexicons.Lexicon lexicon = lexicons.of(lang);
      Tokenizer tokenizer = lexicon.tokenizer();
      // Embeddings are reused by text; with other own groups the model reads other texts.
      FaqIndex previous = lexicon == indexedWith.get(lang) ? current.get(lang) : null;
      next.put(
          lang,
          encoder == null || !weight.used()
              ? FaqIndex.build(faqs, tokenizer)
              : FaqIndex.build(
                  faqs,
                  tokenizer,
                  text -> encoder.encode(lexicon.forModel().apply(text)),
                  weight,
                  previous));
      indexedWith.put(lang, lexicon);
    }
    indexes.set(Map.copyOf(next));
  }

  /**
   * The best matches, out-of-scope entries included (one more is kept so that an out-of-scope entry
   * among them still leaves {@link #CANDIDATES} FAQs).
   */
  List<FaqMatch> match(String text, ChatLanguage language) {
    FaqIndex index = indexes.get().get(language);
    return index == null ? List.of() : index.match(text, CANDIDATES + 1);
  }

  /** The conversation's decision, given how often the bot already missed in it. */
  BotDecision decide(String text, ChatLanguage language, int missesSoFar) {
    return policies.get(language).decide(text, match(text, language), missesSoFar);
  }

  @Override
  public BotReply answer(String text, ChatLanguage language) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("text is empty");
    }
    List<FaqMatch> ranked = match(text, language);
    BotPolicy policy = policies.get(language);
    BotDecision decision = policy.decide(text, ranked, 0);
    if (decision instanceof BotDecision.OrderQuestion) {
      // Order status is the conversation's business (it knows the customer); here, the FAQs.
      decision = policy.byScore(ranked, 0);
    }
    // An out-of-scope entry is never shown: faqId and confidence are the best FAQ's (ADR 0061).
    List<FaqMatch> matches = BotPolicy.answerable(ranked);
    double confidence = matches.isEmpty() ? 0 : matches.get(0).score();
    String best = matches.isEmpty() ? null : matches.get(0).faq().faqId();
    return switch (decision) {
      case BotDecision.Answer a ->
          new BotReply(
              BotReply.Action.ANSWER,
              a.best().faq().faqId(),
              a.best().score(),
              a.best().faq().answer(),
              alternatives(a.alternatives()));
      case BotDecision.Clarify c ->
          new BotReply(BotReply.Action.CLARIFY, best, confidence, null, alternatives(c.options()));
      case BotDecision.Rephrase r ->
          new BotReply(BotReply.Action.HANDOFF, best, confidence, null, alternatives(matches));
      case BotDecision.Handoff h ->
          new BotReply(BotReply.Action.HANDOFF, best, confidence, null, alternatives(matches));
      case BotDecision.OrderQuestion o ->
          new BotReply(BotReply.Action.HANDOFF, best, confidence, null, alternatives(matches));
    };
  }

  static List<BotReply.Alternative> alternatives(List<FaqMatch> matches) {
    return matches.stream()
        .limit(3)
        .map(
            m ->
                new BotReply.Alternative(
                    m.faq().faqId(),
                    m.faq().questions().isEmpty() ? "" : m.faq().questions().get(0),
                    m.score()))
        .toList();
  }
}
