package io.contactcenter.onlinechat.internal;

import io.contactcenter.onlinechat.ChatLanguage;
import io.contactcenter.onlinechat.internal.domain.CharacterFolding;
import io.contactcenter.onlinechat.internal.domain.Synonyms;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The traditional-to-simplified character map the zh FAQ bot folds every text with before jieba and
 * the embedding model see it (issue 13, ADR 0048 fourth addendum): the FAQs, the lexicon and the
 * model are simplified, shoppers from Hong Kong and Taiwan type 退貨 and 發票. Shipped in the jar,
 * nothing is fetched at run time.
 */
final class TraditionalChinese {

  static final String LOCATION = "/chat/traditional-zh.txt";

  /** The folding, read once from the classpath. */
  static final CharacterFolding FOLDING = read();

  /**
   * The shipped lexicon's English shop words, put in Chinese for the embedding model, which reads
   * "refund多久到" far from "退款多久到账" (ADR 0048 fourth addendum).
   */
  static final Synonyms SHIPPED_ENGLISH =
      BotTokenizers.read(
          ChatLanguage.ZH,
          ChatProperties.DEFAULT_SYNONYMS.get("zh"),
          new org.springframework.core.io.DefaultResourceLoader());

  /** What the zh embedding model reads: folded, the lexicon's English shop words in Chinese. */
  static String forModel(String text, Synonyms lexicon) {
    return lexicon.withEnglishAsCanonical(FOLDING.fold(text));
  }

  private TraditionalChinese() {}

  private static CharacterFolding read() {
    try (InputStream in = TraditionalChinese.class.getResourceAsStream(LOCATION)) {
      if (in == null) {
        throw new IllegalStateException(LOCATION + " is missing from the classpath");
      }
      return CharacterFolding.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(LOCATION, e);
    }
  }
}
