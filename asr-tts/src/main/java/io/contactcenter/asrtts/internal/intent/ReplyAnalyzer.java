package io.contactcenter.asrtts.internal.intent;

import io.contactcenter.asrtts.ReplyLanguage;
import io.contactcenter.common.CampaignType;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;

/**
 * Normalizes a reply, finds a named callback time and computes the model's features: the same steps
 * for training rows and for live replies, so they can never drift apart. Thread-safe.
 */
final class ReplyAnalyzer {

  // Training rows have no "now"; any fixed moment tells whether a time is named.
  private static final ZonedDateTime TRAINING_NOW =
      ZonedDateTime.of(2026, 1, 5, 10, 0, 0, 0, ZoneOffset.ofHours(8));

  /** A reply taken apart. */
  record Analysis(String normalized, Optional<ZonedDateTime> callbackAt, Set<String> features) {}

  private final TextNormalizer normalizer = new TextNormalizer();
  private final CallbackTimeExtractor times = new CallbackTimeExtractor();
  private final ReplyFeatures features = new ReplyFeatures();

  Analysis analyze(ReplyLanguage language, CampaignType campaign, String text, ZonedDateTime now) {
    String normalized =
        language == ReplyLanguage.ZH
            ? normalizer.normalizeChinese(text)
            : normalizer.normalize(text);
    Optional<ZonedDateTime> callbackAt = times.extract(language, normalized, now);
    return new Analysis(
        normalized,
        callbackAt,
        features.extract(language, campaign, normalized, callbackAt.isPresent()));
  }

  Set<String> features(ReplyLanguage language, CampaignType campaign, String text) {
    return analyze(language, campaign, text, TRAINING_NOW).features();
  }

  /** The normalized form used to compare utterances (training against evaluation sets). */
  String normalized(ReplyLanguage language, String text) {
    return language == ReplyLanguage.ZH
        ? normalizer.normalizeChinese(text)
        : normalizer.normalize(text);
  }
}
