package io.contactcenter.qa.internal.domain;

import io.contactcenter.qa.Channel;
import io.contactcenter.qa.QaRule;
import io.contactcenter.qa.RuleDefinition;
import io.contactcenter.qa.RuleHit;
import io.contactcenter.qa.Speaker;
import io.contactcenter.qa.TranscriptWord;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One conversation being scored: its words, their passages joined once per speaker, and each rule's
 * hits computed once (a rule can also be a part of combined rules). Each rule kind is evaluated by
 * its family ({@link PhraseRules}, {@link SilenceRules}, {@link VoiceRules}, {@link SignalRules},
 * {@link CombinedRules}). Used by one thread for one {@link Scorer#score} call.
 */
final class ScoredConversation {
  private final String language;
  private final Channel channel;
  private final List<TranscriptWord> words;
  private final long durationMs;
  private final Map<UUID, QaRule> rules = new HashMap<>();
  private final Map<UUID, List<RuleHit>> results = new HashMap<>();
  private final Map<Speaker, PhraseMatcher.Passages> passages = new EnumMap<>(Speaker.class);
  private final ComplaintDetector complaints;
  private final Map<Speaker, List<Utterances.Utterance>> complaintUtterances =
      new EnumMap<>(Speaker.class);

  /** The words must be sorted by start. */
  ScoredConversation(
      String language,
      Channel channel,
      List<TranscriptWord> words,
      long durationMs,
      List<QaRule> rules,
      ComplaintDetector complaints) {
    this.complaints = complaints;
    this.language = language;
    this.channel = channel;
    this.words = words;
    this.durationMs = durationMs;
    for (QaRule rule : rules) {
      this.rules.put(rule.id(), rule);
    }
  }

  String language() {
    return language;
  }

  Channel channel() {
    return channel;
  }

  /** Every word, sorted by start. */
  List<TranscriptWord> words() {
    return words;
  }

  long durationMs() {
    return durationMs;
  }

  /** A rule given to the scorer by id, or null (a combined rule's deleted part). */
  QaRule rule(UUID id) {
    return rules.get(id);
  }

  /** The passages of a speaker's words ({@code null}: everyone's). */
  PhraseMatcher.Passages text(Speaker speaker) {
    // UNKNOWN stands for anyone.
    return passages.computeIfAbsent(
        speaker == null ? Speaker.UNKNOWN : speaker,
        s ->
            new PhraseMatcher.Passages(
                PhraseMatcher.units(speaker == null ? words : spokenBy(words, s))));
  }

  /** The speaker's utterances the detector finds complaints in, asked once per speaker. */
  List<Utterances.Utterance> complaintsOf(Speaker speaker) {
    return complaintUtterances.computeIfAbsent(
        speaker,
        s ->
            Utterances.of(spokenBy(words, s)).stream()
                .filter(u -> complaints.isComplaint(u.text(), language))
                .toList());
  }

  /** The rule's hits, computed on first use. */
  List<RuleHit> apply(QaRule rule) {
    List<RuleHit> known = results.get(rule.id());
    if (known != null) {
      return known;
    }
    List<RuleHit> hits = compute(rule);
    results.put(rule.id(), hits);
    return hits;
  }

  private List<RuleHit> compute(QaRule rule) {
    RuleDefinition d = rule.definition();
    List<TranscriptWord> own = d.speaker() == null ? words : spokenBy(words, d.speaker());
    return switch (d.kind()) {
      case REQUIRED_PHRASE -> PhraseRules.required(rule, text(d.speaker()), durationMs);
      case FORBIDDEN_PHRASE -> PhraseRules.forbidden(rule, text(d.speaker()));
      case MAX_SILENCE ->
          channel == Channel.CHAT
              ? SilenceRules.responseTime(rule, words, durationMs)
              : SilenceRules.silence(rule, own);
      case TALK_OVER -> VoiceRules.talkOver(rule, words);
      case SPEAKING_RATE -> VoiceRules.rate(rule, own);
      case COMPLAINT -> SignalRules.complaint(rule, this);
      case HOLD_TIME -> SignalRules.hold(rule, this);
      case COMBINED -> CombinedRules.combined(rule, this);
    };
  }

  /**
   * The words of one speaker; words of an unknown speaker (a mixed recording) count for everyone,
   * so a rule about the agent still checks a call recorded on one channel.
   */
  static List<TranscriptWord> spokenBy(List<TranscriptWord> words, Speaker speaker) {
    return words.stream()
        .filter(w -> w.speaker() == speaker || w.speaker() == Speaker.UNKNOWN)
        .toList();
  }
}
