package io.contactcenter.qa.internal.domain;

import static io.contactcenter.qa.internal.domain.RuleHits.hit;
import static io.contactcenter.qa.internal.domain.RuleHits.seconds;

import io.contactcenter.qa.QaRule;
import io.contactcenter.qa.RuleHit;
import io.contactcenter.qa.Speaker;
import io.contactcenter.qa.TranscriptWord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The rules that need audio (not applied to chats): talk-over and speaking rate. */
final class VoiceRules {

  private VoiceRules() {}

  static List<RuleHit> talkOver(QaRule rule, List<TranscriptWord> words) {
    long limit = rule.definition().limit().toMillis();
    List<Stretch> stretches = new ArrayList<>();
    for (Speaker speaker : Speaker.values()) {
      if (speaker != Speaker.UNKNOWN) {
        stretches.addAll(Stretch.of(words, speaker));
      }
    }
    stretches.sort(Comparator.comparingLong(Stretch::startMs));
    List<RuleHit> hits = new ArrayList<>();
    long longest = 0;
    for (int i = 0; i < stretches.size(); i++) {
      Stretch a = stretches.get(i);
      for (int j = i + 1; j < stretches.size() && stretches.get(j).startMs() < a.endMs(); j++) {
        Stretch b = stretches.get(j);
        if (b.speaker() == a.speaker()) {
          continue;
        }
        long start = b.startMs();
        long end = Math.min(a.endMs(), b.endMs());
        longest = Math.max(longest, end - start);
        if (end - start > limit) {
          hits.add(
              hit(
                  rule,
                  false,
                  start,
                  end,
                  seconds(end - start)
                      + " of "
                      + a.speaker().name().toLowerCase(Locale.ROOT)
                      + " and "
                      + b.speaker().name().toLowerCase(Locale.ROOT)
                      + " at once"));
        }
      }
    }
    return hits.isEmpty()
        ? List.of(hit(rule, true, 0, 0, "longest overlap " + seconds(longest)))
        : hits;
  }

  static List<RuleHit> rate(QaRule rule, List<TranscriptWord> words) {
    List<PhraseMatcher.Unit> units = PhraseMatcher.units(words);
    if (units.isEmpty()) {
      return List.of(hit(rule, true, 0, 0, "no speech"));
    }
    long speechMs = 0;
    Speaker any = null;
    for (Speaker s : Speaker.values()) {
      for (Stretch stretch : Stretch.of(words, s)) {
        speechMs += stretch.endMs() - stretch.startMs();
        any = s;
      }
    }
    if (any == null || speechMs <= 0) {
      return List.of(hit(rule, true, 0, 0, "no speech"));
    }
    long perMinute = Math.round(units.size() * 60_000.0 / speechMs);
    boolean passed = perMinute <= rule.definition().maxRate();
    return List.of(
        hit(
            rule,
            passed,
            units.getFirst().startMs(),
            units.getLast().endMs(),
            perMinute + " per minute"));
  }
}
