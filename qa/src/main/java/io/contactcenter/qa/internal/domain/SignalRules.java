package io.contactcenter.qa.internal.domain;

import static io.contactcenter.qa.internal.domain.RuleHits.hit;
import static io.contactcenter.qa.internal.domain.RuleHits.seconds;

import io.contactcenter.qa.Channel;
import io.contactcenter.qa.QaRule;
import io.contactcenter.qa.RuleDefinition;
import io.contactcenter.qa.RuleHit;
import io.contactcenter.qa.Speaker;
import io.contactcenter.qa.TranscriptWord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The signal rules: a customer complaining, an agent keeping the customer on hold too long. Their
 * phrases are the built-in {@link SignalLexicon} ones plus the rule's own.
 */
final class SignalRules {

  private SignalRules() {}

  /**
   * Complaints: the built-in and the rule's phrases, then the detector on every utterance of the
   * speaker no phrase matched in (a paraphrase: "I have had it with you people").
   */
  static List<RuleHit> complaint(QaRule rule, ScoredConversation c) {
    RuleDefinition d = rule.definition();
    Speaker speaker = d.speaker() == null ? Speaker.CUSTOMER : d.speaker();
    PhraseMatcher.Passages text = c.text(speaker);
    List<RuleHit> found = new ArrayList<>();
    for (String phrase : phrases(d, SignalLexicon.complaint(c.language()))) {
      for (PhraseMatcher.Match m : text.find(phrase, d.similarity())) {
        if (found.stream().noneMatch(f -> m.startMs() < f.endMs() && f.startMs() < m.endMs())) {
          found.add(hit(rule, false, m.startMs(), m.endMs(), "complaint: \"" + m.heard() + "\""));
        }
      }
    }
    for (Utterances.Utterance u : c.complaintsOf(speaker)) {
      if (found.stream().noneMatch(f -> overlap(u.startMs(), u.endMs(), f))) {
        found.add(
            hit(rule, false, u.startMs(), u.endMs(), "complaint (meaning): \"" + u.text() + "\""));
      }
    }
    if (found.isEmpty()) {
      return List.of(hit(rule, true, 0, 0, "no complaint"));
    }
    found.sort(Comparator.comparingLong(RuleHit::startMs));
    return found;
  }

  /** Whether a time span overlaps a hit's; a chat message (no duration) overlaps itself. */
  private static boolean overlap(long startMs, long endMs, RuleHit hit) {
    return (startMs < hit.endMs() && hit.startMs() < endMs)
        || (startMs == hit.startMs() && endMs == hit.endMs());
  }

  /**
   * Holds: from the end of the stretch in which the holder asks the customer to wait to the
   * holder's next word (message).
   */
  static List<RuleHit> hold(QaRule rule, ScoredConversation c) {
    RuleDefinition d = rule.definition();
    Speaker holder = d.speaker() == null ? Speaker.AGENT : d.speaker();
    List<TranscriptWord> own = ScoredConversation.spokenBy(c.words(), holder);
    long limit = d.limit().toMillis();
    List<PhraseMatcher.Match> asks = new ArrayList<>();
    for (String phrase : phrases(d, SignalLexicon.hold(c.language()))) {
      asks.addAll(c.text(holder).find(phrase, d.similarity()));
    }
    asks.sort(Comparator.comparingLong(PhraseMatcher.Match::startMs));
    List<RuleHit> hits = new ArrayList<>();
    long longest = 0;
    int holds = 0;
    long holdEnd = -1;
    for (PhraseMatcher.Match ask : asks) {
      if (ask.startMs() < holdEnd) {
        continue; // asked again within the same hold
      }
      // The hold starts when the holder stops talking after asking.
      long start = ask.endMs();
      long end = -1;
      for (TranscriptWord w : own) {
        // On a chat the request's own message (no duration) is not the agent's return.
        if (w.startMs() < start || (c.channel() == Channel.CHAT && w.startMs() <= ask.endMs())) {
          continue;
        }
        if (w.startMs() - start <= Stretch.GAP_MS && c.channel() == Channel.CALL) {
          start = Math.max(start, w.endMs());
        } else {
          end = w.startMs();
          break;
        }
      }
      if (end < 0) {
        end = Math.max(start, c.durationMs());
      }
      holds++;
      long held = end - start;
      longest = Math.max(longest, held);
      holdEnd = end;
      if (held > limit) {
        hits.add(hit(rule, false, start, end, "hold of " + seconds(held)));
      }
    }
    return hits.isEmpty()
        ? List.of(
            hit(
                rule,
                true,
                0,
                0,
                holds == 0 ? "no hold" : holds + " hold(s), longest " + seconds(longest)))
        : hits;
  }

  private static List<String> phrases(RuleDefinition d, List<String> builtIn) {
    List<String> all = new ArrayList<>(builtIn);
    all.addAll(d.phrases());
    return all;
  }
}
