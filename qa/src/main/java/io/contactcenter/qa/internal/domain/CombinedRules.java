package io.contactcenter.qa.internal.domain;

import static io.contactcenter.qa.internal.domain.RuleHits.hit;

import io.contactcenter.qa.Channel;
import io.contactcenter.qa.QaRule;
import io.contactcenter.qa.RuleDefinition;
import io.contactcenter.qa.RuleHit;
import io.contactcenter.qa.RuleKind;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A combined rule: its parts' results joined with AND or OR. */
final class CombinedRules {

  private CombinedRules() {}

  /**
   * The combined rule's one hit, failed at its parts' first failure; no hit when none of its parts
   * applies to the conversation.
   */
  static List<RuleHit> combined(QaRule rule, ScoredConversation c) {
    RuleDefinition d = rule.definition();
    List<String> met = new ArrayList<>();
    List<String> unmet = new ArrayList<>();
    RuleHit firstFailure = null;
    for (UUID id : d.parts()) {
      QaRule part = c.rule(id);
      // A deleted part, a combined part (no nesting) or one for another language does not count.
      if (part == null
          || part.definition().kind() == RuleKind.COMBINED
          || (part.definition().language() != null
              && !part.definition().language().equals(c.language()))
          || (c.channel() == Channel.CHAT && Scorer.voiceOnly(part.definition().kind()))) {
        continue;
      }
      List<RuleHit> partHits = c.apply(part);
      RuleHit failure = partHits.stream().filter(h -> !h.passed()).findFirst().orElse(null);
      if (failure == null) {
        met.add(part.definition().name());
      } else {
        unmet.add(part.definition().name());
        if (firstFailure == null || failure.startMs() < firstFailure.startMs()) {
          firstFailure = failure;
        }
      }
    }
    if (met.isEmpty() && unmet.isEmpty()) {
      return List.of();
    }
    boolean passed =
        d.combine() == RuleDefinition.Combination.AND ? unmet.isEmpty() : !met.isEmpty();
    String evidence =
        (met.isEmpty() ? "" : "met: " + String.join(", ", met))
            + (met.isEmpty() || unmet.isEmpty() ? "" : "; ")
            + (unmet.isEmpty() ? "" : "not met: " + String.join(", ", unmet));
    return passed || firstFailure == null
        ? List.of(hit(rule, passed, 0, 0, evidence))
        : List.of(hit(rule, false, firstFailure.startMs(), firstFailure.endMs(), evidence));
  }
}
