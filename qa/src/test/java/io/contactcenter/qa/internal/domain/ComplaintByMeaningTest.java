package io.contactcenter.qa.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.qa.Channel;
import io.contactcenter.qa.QaRule;
import io.contactcenter.qa.RuleDefinition;
import io.contactcenter.qa.RuleHit;
import io.contactcenter.qa.RuleKind;
import io.contactcenter.qa.Speaker;
import io.contactcenter.qa.TranscriptWord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The COMPLAINT rule asks a detector about every customer utterance its phrases did not catch, and
 * marks each one it calls a complaint where it was said (the detector here is a stand-in; the real
 * one is the speech module's classifier, measured in docs/benchmarks.md).
 */
class ComplaintByMeaningTest {

  private static final QaRule COMPLAINT =
      new QaRule(
          UUID.randomUUID(),
          new RuleDefinition(
              "Complaint",
              RuleKind.COMPLAINT,
              "signals",
              0,
              false,
              null,
              List.of(),
              null,
              null,
              null,
              null,
              null,
              null),
          Instant.EPOCH);

  private static List<TranscriptWord> says(Speaker speaker, long startMs, String text) {
    List<TranscriptWord> out = new ArrayList<>();
    String[] words = text.split(" ");
    for (int i = 0; i < words.length; i++) {
      long s = startMs + i * 250L;
      out.add(new TranscriptWord(words[i], s, s + 250, 0.9, speaker));
    }
    return out;
  }

  @Test
  void aParaphraseTheLexiconMissesIsFoundByTheDetectorAtItsUtterance() {
    List<TranscriptWord> words = new ArrayList<>();
    words.addAll(says(Speaker.AGENT, 0, "thank you for calling"));
    words.addAll(says(Speaker.CUSTOMER, 2000, "i have had it with you people"));
    words.addAll(says(Speaker.CUSTOMER, 5000, "my order number is twelve"));
    words.addAll(says(Speaker.AGENT, 8000, "i have had it with this printer"));
    List<String> asked = new CopyOnWriteArrayList<>();
    ComplaintDetector detector =
        (text, language) -> {
          asked.add(text);
          return text.contains("had it with");
        };

    List<RuleHit> hits =
        Scorer.score(List.of(COMPLAINT), "en", Channel.CALL, words, 10_000, detector).hits();

    assertThat(hits).singleElement().satisfies(h -> assertThat(h.passed()).isFalse());
    assertThat(hits.getFirst().startMs()).isEqualTo(2000);
    assertThat(hits.getFirst().endMs()).isEqualTo(3750);
    assertThat(hits.getFirst().evidence()).contains("i have had it with you people");
    assertThat(asked)
        .as("the customer's utterances, cut at the pause; never the agent's")
        .containsExactly("i have had it with you people", "my order number is twelve");
  }

  @Test
  void anUtteranceThePhrasesCaughtIsNotCountedTwiceAndWithoutADetectorOnlyPhrasesCount() {
    List<TranscriptWord> words = says(Speaker.CUSTOMER, 1000, "this is ridiculous");
    List<RuleHit> both =
        Scorer.score(List.of(COMPLAINT), "en", Channel.CALL, words, 5000, (t, l) -> true).hits();
    assertThat(both).singleElement().satisfies(h -> assertThat(h.evidence()).contains("ridic"));

    List<TranscriptWord> calm = says(Speaker.CUSTOMER, 1000, "i have had it with you people");
    assertThat(Scorer.score(List.of(COMPLAINT), "en", Channel.CALL, calm, 5000).hits())
        .singleElement()
        .satisfies(h -> assertThat(h.passed()).isTrue());
  }

  @Test
  void eachChatMessageIsOneUtteranceAndChineseIsJoinedWithoutSpaces() {
    List<TranscriptWord> chat =
        List.of(
            new TranscriptWord("你好", 0, 0, 1, Speaker.CUSTOMER),
            new TranscriptWord("你们这样做事让人很寒心", 4000, 4000, 1, Speaker.CUSTOMER),
            new TranscriptWord("您好，请问有什么可以帮您", 2000, 2000, 1, Speaker.AGENT));
    List<String> asked = new CopyOnWriteArrayList<>();
    List<RuleHit> hits =
        Scorer.score(
                List.of(COMPLAINT),
                "zh",
                Channel.CHAT,
                chat,
                5000,
                (text, language) -> {
                  asked.add(language + ":" + text);
                  return text.contains("寒心");
                })
            .hits();
    assertThat(asked).containsExactly("zh:你好", "zh:你们这样做事让人很寒心");
    assertThat(hits).singleElement().satisfies(h -> assertThat(h.startMs()).isEqualTo(4000));

    List<TranscriptWord> spoken =
        List.of(
            new TranscriptWord("太", 0, 200, 1, Speaker.CUSTOMER),
            new TranscriptWord("寒心", 200, 600, 1, Speaker.CUSTOMER),
            new TranscriptWord("ok", 600, 800, 1, Speaker.CUSTOMER),
            new TranscriptWord("fine", 800, 900, 1, Speaker.CUSTOMER));
    assertThat(Utterances.of(spoken))
        .singleElement()
        .satisfies(u -> assertThat(u.text()).isEqualTo("太寒心ok fine"));
  }
}
