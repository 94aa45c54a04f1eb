package io.contactcenter.qa.internal.domain;

import static io.contactcenter.qa.internal.domain.RuleHits.hit;
import static io.contactcenter.qa.internal.domain.RuleHits.seconds;

import io.contactcenter.qa.QaRule;
import io.contactcenter.qa.RuleDefinition;
import io.contactcenter.qa.RuleHit;
import java.util.ArrayList;
import java.util.List;

/** Phrases that must be said (optionally within a time) and phrases that must not be. */
final class PhraseRules {

  private PhraseRules() {}

  static List<RuleHit> required(QaRule rule, PhraseMatcher.Passages text, long durationMs) {
    RuleDefinition d = rule.definition();
    PhraseMatcher.Match first = null;
    for (String phrase : d.phrases()) {
      List<PhraseMatcher.Match> matches = text.find(phrase, d.similarity());
      if (!matches.isEmpty() && (first == null || matches.getFirst().startMs() < first.startMs())) {
        first = matches.getFirst();
      }
    }
    Long withinMs = d.within() == null ? null : d.within().toMillis();
    if (first == null) {
      long end = withinMs == null ? durationMs : Math.min(withinMs, durationMs);
      return List.of(hit(rule, false, 0, end, "not said"));
    }
    if (withinMs != null && first.startMs() > withinMs) {
      return List.of(
          hit(
              rule,
              false,
              first.startMs(),
              first.endMs(),
              "\""
                  + first.heard()
                  + "\" at "
                  + seconds(first.startMs())
                  + ", after "
                  + seconds(withinMs)));
    }
    return List.of(hit(rule, true, first.startMs(), first.endMs(), "\"" + first.heard() + "\""));
  }

  static List<RuleHit> forbidden(QaRule rule, PhraseMatcher.Passages text) {
    RuleDefinition d = rule.definition();
    List<RuleHit> hits = new ArrayList<>();
    for (String phrase : d.phrases()) {
      for (PhraseMatcher.Match m : text.find(phrase, d.similarity())) {
        hits.add(hit(rule, false, m.startMs(), m.endMs(), "\"" + m.heard() + "\""));
      }
    }
    return hits.isEmpty() ? List.of(hit(rule, true, 0, 0, "not said")) : hits;
  }
}
