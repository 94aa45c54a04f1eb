package io.contactcenter.onlinechat.internal;

import io.contactcenter.onlinechat.ChatLanguage;
import io.contactcenter.onlinechat.internal.domain.SynonymTokenizer;
import io.contactcenter.onlinechat.internal.domain.Synonyms;
import io.contactcenter.onlinechat.internal.domain.Tokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * The FAQ bot's tokenizer of each language: jieba words, plus the language's synonym lexicon where
 * {@code cc.chat.synonyms.<lang>} names one (ADR 0048 addendum); zh folds traditional characters to
 * simplified first (ADR 0048 fourth addendum). The cold start and the FAQ suggestions keep plain
 * words: their thresholds were chosen without a lexicon.
 */
final class BotTokenizers {

  private BotTokenizers() {}

  /**
   * @param synonyms a lexicon location by language tag ({@code classpath:…}, {@code file:…}); an
   *     empty location: words only
   * @throws IllegalStateException naming the setting if a lexicon cannot be read or parsed, so a
   *     mistyped path stops the start instead of silently matching worse
   */
  static Map<ChatLanguage, Tokenizer> of(Map<String, String> synonyms, ResourceLoader resources) {
    Map<ChatLanguage, Tokenizer> tokenizers = new EnumMap<>(ChatLanguage.class);
    BotLexicons.configured(synonyms, resources)
        .forEach((lang, s) -> tokenizers.put(lang, of(lang, s)));
    return tokenizers;
  }

  private static final JiebaTokenizer WORDS = new JiebaTokenizer();

  /** One language's bot tokenizer with {@code synonyms} ({@link Synonyms#NONE}: words only). */
  static Tokenizer of(ChatLanguage lang, Synonyms synonyms) {
    Tokenizer tokenizer = synonyms.isEmpty() ? WORDS : new SynonymTokenizer(WORDS, synonyms);
    return lang == ChatLanguage.ZH ? TraditionalChinese.FOLDING.before(tokenizer) : tokenizer;
  }

  static Synonyms read(ChatLanguage lang, String location, ResourceLoader resources) {
    Resource resource = resources.getResource(location);
    try (InputStream in = resource.getInputStream()) {
      return Synonyms.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "cc.chat.synonyms." + lang.tag() + " (" + location + "): " + e.getMessage(), e);
    }
  }
}
