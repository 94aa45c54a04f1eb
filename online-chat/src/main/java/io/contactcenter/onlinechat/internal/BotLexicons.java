package io.contactcenter.onlinechat.internal;

import io.contactcenter.onlinechat.ChatLanguage;
import io.contactcenter.onlinechat.internal.domain.Synonyms;
import io.contactcenter.onlinechat.internal.domain.Tokenizer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The bot's lexicon of each language: the configured one ({@code cc.chat.synonyms.<lang>}) with the
 * shop's own groups over it, which admins edit while the app runs (ADR 0048 fifth addendum). A
 * {@link Lexicon} is immutable; an edit makes a new one, and the bot re-indexes with it.
 * Thread-safe.
 */
final class BotLexicons {

  /**
   * One language's lexicon at one moment.
   *
   * @param tokenizer the bot's words, with every group's term (the configured and the shop's)
   * @param forModel what the bot gives its sentence encoder for a text: the shop's own variants as
   *     their canonical word (the encoder itself puts the configured lexicon's English words in
   *     Chinese, zh only); the identity without own groups
   * @param own the shop's own groups
   */
  record Lexicon(Tokenizer tokenizer, UnaryOperator<String> forModel, Synonyms own) {}

  private final Map<ChatLanguage, Synonyms> configured;
  private final Map<ChatLanguage, Lexicon> current = new ConcurrentHashMap<>();

  BotLexicons(Map<ChatLanguage, Synonyms> configured) {
    this.configured = Map.copyOf(configured);
    for (ChatLanguage lang : ChatLanguage.values()) {
      own(lang, Synonyms.NONE);
    }
  }

  /** The configured lexicons, read from {@code cc.chat.synonyms} (see {@link BotTokenizers}). */
  static Map<ChatLanguage, Synonyms> configured(
      Map<String, String> locations, org.springframework.core.io.ResourceLoader resources) {
    Map<ChatLanguage, Synonyms> lexicons = new EnumMap<>(ChatLanguage.class);
    for (ChatLanguage lang : ChatLanguage.values()) {
      String location = locations.getOrDefault(lang.tag(), "");
      lexicons.put(
          lang,
          location.isBlank()
              ? Synonyms.NONE
              : BotTokenizers.read(lang, location.strip(), resources));
    }
    return lexicons;
  }

  /** The configured lexicon of each language, without the shop's own groups. */
  Map<ChatLanguage, Synonyms> configured() {
    return configured;
  }

  /** The language's lexicon now. */
  Lexicon of(ChatLanguage lang) {
    return current.get(lang);
  }

  /** Replaces the shop's own groups of a language; the bot sees them at its next reload. */
  void own(ChatLanguage lang, Synonyms own) {
    Synonyms base = configured.getOrDefault(lang, Synonyms.NONE);
    Tokenizer tokenizer = BotTokenizers.of(lang, base.with(own));
    UnaryOperator<String> forModel =
        own.isEmpty()
            ? UnaryOperator.identity()
            : lang == ChatLanguage.ZH
                ? text -> own.withVariantsAsCanonical(TraditionalChinese.FOLDING.fold(text))
                : own::withVariantsAsCanonical;
    current.put(lang, new Lexicon(tokenizer, forModel, own));
  }
}
