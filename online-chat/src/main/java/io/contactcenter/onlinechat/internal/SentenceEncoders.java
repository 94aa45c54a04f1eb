package io.contactcenter.onlinechat.internal;

import io.contactcenter.onlinechat.ChatLanguage;
import io.contactcenter.onlinechat.internal.domain.MeaningWeight;
import io.contactcenter.onlinechat.internal.domain.SentenceEncoder;
import io.contactcenter.onlinechat.internal.domain.Synonyms;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The sentence encoder of each language that matches by meaning ({@code cc.chat.meaning.<lang>}
 * weight above 0), shared by the bot and the cold start so each model is loaded once, on first use.
 */
final class SentenceEncoders {

  private final Map<ChatLanguage, SentenceEncoder> encoders = new EnumMap<>(ChatLanguage.class);
  private final Map<ChatLanguage, MeaningWeight> weights = new EnumMap<>(ChatLanguage.class);

  /**
   * @param lexicons the configured lexicon of each language ({@code cc.chat.synonyms}), whose
   *     English words the zh model reads in Chinese; none: words as typed
   */
  SentenceEncoders(
      Map<String, ChatProperties.Meaning> meaning, Map<ChatLanguage, Synonyms> lexicons) {
    meaning.forEach(
        (tag, m) -> {
          ChatLanguage lang = ChatLanguage.of(tag);
          weights.put(lang, new MeaningWeight(m.weight(), m.floor()));
          if (m.weight() > 0) {
            encoders.put(
                lang, BgeSentenceEncoder.of(lang, lexicons.getOrDefault(lang, Synonyms.NONE)));
          }
        });
  }

  /** The language's encoder, empty where it matches by words only. */
  Optional<SentenceEncoder> of(ChatLanguage lang) {
    return Optional.ofNullable(encoders.get(lang));
  }

  Map<ChatLanguage, SentenceEncoder> all() {
    return Map.copyOf(encoders);
  }

  /** The bot's weights by language ({@link MeaningWeight#NONE} where not configured). */
  Map<ChatLanguage, MeaningWeight> weights() {
    return Map.copyOf(weights);
  }
}
