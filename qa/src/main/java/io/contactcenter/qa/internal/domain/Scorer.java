package io.contactcenter.qa.internal.domain;

import io.contactcenter.qa.Channel;
import io.contactcenter.qa.ConversationScore;
import io.contactcenter.qa.QaRule;
import io.contactcenter.qa.RuleDefinition;
import io.contactcenter.qa.RuleHit;
import io.contactcenter.qa.RuleKind;
import io.contactcenter.qa.SectionScore;
import io.contactcenter.qa.TranscriptWord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores a transcribed conversation against rules. Every applied rule gives at least one hit: a
 * passed one, or a failed one per place it was broken. A rule counts as failed when any of its hits
 * failed. Each rule kind is evaluated by its family ({@link PhraseRules}, {@link SilenceRules},
 * {@link VoiceRules}, {@link SignalRules}, {@link CombinedRules}); this class applies the rules and
 * adds their weights up by section. Stateless and thread-safe.
 */
public final class Scorer {

  private Scorer() {}

  /** Scores a call; see {@link #score(List, String, Channel, List, long)}. */
  public static ConversationScore score(
      List<QaRule> rules, String language, List<TranscriptWord> words, long durationMs) {
    return score(rules, language, Channel.CALL, words, durationMs);
  }

  /**
   * Scores a conversation.
   *
   * @param rules every rule; those not {@link RuleDefinition#appliesTo applying} to the language,
   *     and on a chat the voice-only kinds (talk-over, speaking rate), are skipped
   * @param language the conversation's language
   * @param channel a call, or a chat (whose silence rules measure the response time)
   * @param words the transcript, in any order
   * @param durationMs the recording's (the chat's) length
   */
  public static ConversationScore score(
      List<QaRule> rules,
      String language,
      Channel channel,
      List<TranscriptWord> words,
      long durationMs) {
    return score(rules, language, channel, words, durationMs, ComplaintDetector.NONE);
  }

  /**
   * Scores a conversation as {@link #score(List, String, Channel, List, long)}, with a detector
   * that finds complaints in utterances the COMPLAINT rules' phrases do not catch.
   */
  public static ConversationScore score(
      List<QaRule> rules,
      String language,
      Channel channel,
      List<TranscriptWord> words,
      long durationMs,
      ComplaintDetector complaints) {
    List<TranscriptWord> sorted =
        words.stream().sorted(Comparator.comparingLong(TranscriptWord::startMs)).toList();
    ScoredConversation conversation =
        new ScoredConversation(language, channel, sorted, durationMs, rules, complaints);
    List<RuleHit> hits = new ArrayList<>();
    Map<String, int[]> sections = new TreeMap<>();
    boolean autoFailed = false;
    for (QaRule rule : rules) {
      RuleDefinition d = rule.definition();
      if (!d.appliesTo(language) || (channel == Channel.CHAT && voiceOnly(d.kind()))) {
        continue;
      }
      List<RuleHit> ruleHits = conversation.apply(rule);
      if (ruleHits.isEmpty()) {
        continue; // a combined rule none of whose parts apply here
      }
      boolean failed = ruleHits.stream().anyMatch(h -> !h.passed());
      hits.addAll(ruleHits);
      int[] points = sections.computeIfAbsent(d.section(), s -> new int[2]);
      points[1] += d.weight();
      if (!failed) {
        points[0] += d.weight();
      } else if (d.autoFail()) {
        autoFailed = true;
      }
    }
    int got = sections.values().stream().mapToInt(p -> p[0]).sum();
    int max = sections.values().stream().mapToInt(p -> p[1]).sum();
    double score = autoFailed ? 0 : max == 0 ? 100 : Math.round(1000.0 * got / max) / 10.0;
    hits.sort(Comparator.comparingLong(RuleHit::startMs).thenComparing(RuleHit::ruleName));
    List<SectionScore> sectionScores =
        sections.entrySet().stream()
            .map(e -> new SectionScore(e.getKey(), e.getValue()[0], e.getValue()[1]))
            .toList();
    return new ConversationScore(score, autoFailed, sectionScores, hits);
  }

  /** Whether a score card holds a complaint signal (such a conversation is always reviewed). */
  public static boolean hasComplaint(ConversationScore score) {
    return score.hits().stream().anyMatch(h -> h.kind() == RuleKind.COMPLAINT && !h.passed());
  }

  /** Kinds that need audio: a chat has no overlapping speech and no speaking rate. */
  static boolean voiceOnly(RuleKind kind) {
    return kind == RuleKind.TALK_OVER || kind == RuleKind.SPEAKING_RATE;
  }
}
