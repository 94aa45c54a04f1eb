package io.contactcenter.qa;

import java.util.List;

/**
 * A conversation's score card.
 *
 * @param score 0 to 100: the weight of the rules met over the weight of all applied rules; 0 when
 *     an auto-fail rule failed; 100 when no rule applied
 * @param autoFailed whether an auto-fail rule failed
 * @param sections the score per section, by name
 * @param hits every rule result, by time in the recording
 */
public record ConversationScore(
    double score, boolean autoFailed, List<SectionScore> sections, List<RuleHit> hits) {

  public ConversationScore {
    sections = List.copyOf(sections);
    hits = List.copyOf(hits);
  }
}
