package io.contactcenter.qa.internal.domain;

import io.contactcenter.qa.QaRule;
import io.contactcenter.qa.RuleDefinition;
import io.contactcenter.qa.RuleHit;
import java.util.Locale;

/** How every rule family reports: a hit of the rule, and durations as evidence. */
final class RuleHits {

  private RuleHits() {}

  static RuleHit hit(QaRule rule, boolean passed, long startMs, long endMs, String evidence) {
    RuleDefinition d = rule.definition();
    return new RuleHit(
        rule.id(), d.name(), d.kind(), d.section(), passed, d.autoFail(), startMs, endMs, evidence);
  }

  static String seconds(long ms) {
    return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
  }
}
