package io.contactcenter.qa.internal.domain;

import static io.contactcenter.qa.internal.domain.RuleHits.hit;
import static io.contactcenter.qa.internal.domain.RuleHits.seconds;

import io.contactcenter.qa.QaRule;
import io.contactcenter.qa.RuleHit;
import io.contactcenter.qa.Speaker;
import io.contactcenter.qa.TranscriptWord;
import java.util.ArrayList;
import java.util.List;

/** The MAX_SILENCE rules: silence between words on a call, the response time on a chat. */
final class SilenceRules {

  private SilenceRules() {}

  static List<RuleHit> silence(QaRule rule, List<TranscriptWord> words) {
    long limit = rule.definition().limit().toMillis();
    List<RuleHit> hits = new ArrayList<>();
    long longest = 0;
    long spokenUntil = -1;
    for (TranscriptWord w : words) {
      if (spokenUntil >= 0) {
        long gap = w.startMs() - spokenUntil;
        longest = Math.max(longest, gap);
        if (gap > limit) {
          hits.add(hit(rule, false, spokenUntil, w.startMs(), seconds(gap) + " of silence"));
        }
      }
      spokenUntil = Math.max(spokenUntil, w.endMs());
    }
    return hits.isEmpty()
        ? List.of(hit(rule, true, 0, 0, "longest silence " + seconds(longest)))
        : hits;
  }

  /**
   * A chat's response time: from a customer message (the first of a run) to the next message of the
   * rule's speaker (anyone but the customer when none); a message never answered waits until the
   * chat ends. With a speaker, waits count only once that speaker has joined, so the queue before
   * an agent takes the chat is not held against the agent.
   */
  static List<RuleHit> responseTime(QaRule rule, List<TranscriptWord> words, long durationMs) {
    long limit = rule.definition().limit().toMillis();
    Speaker responder = rule.definition().speaker();
    boolean joined = responder == null;
    long waitingSince = -1;
    long longest = 0;
    List<RuleHit> hits = new ArrayList<>();
    for (TranscriptWord w : words) {
      if (w.speaker() == Speaker.CUSTOMER) {
        if (joined && waitingSince < 0) {
          waitingSince = w.startMs();
        }
      } else if (responder == null || w.speaker() == responder) {
        joined = true;
        if (waitingSince >= 0) {
          long wait = w.startMs() - waitingSince;
          longest = Math.max(longest, wait);
          if (wait > limit) {
            hits.add(hit(rule, false, waitingSince, w.startMs(), seconds(wait) + " to answer"));
          }
          waitingSince = -1;
        }
      }
    }
    if (waitingSince >= 0 && durationMs - waitingSince > limit) {
      hits.add(
          hit(
              rule,
              false,
              waitingSince,
              durationMs,
              "not answered in " + seconds(durationMs - waitingSince)));
    }
    return hits.isEmpty()
        ? List.of(hit(rule, true, 0, 0, "longest response time " + seconds(longest)))
        : hits;
  }
}
