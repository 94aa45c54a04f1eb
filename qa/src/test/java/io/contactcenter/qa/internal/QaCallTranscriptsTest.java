package io.contactcenter.qa.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.onlinechat.ChatLanguage;
import io.contactcenter.onlinechat.spi.CallTranscripts.Party;
import io.contactcenter.onlinechat.spi.CallTranscripts.Utterance;
import io.contactcenter.qa.Speaker;
import io.contactcenter.qa.TranscriptWord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A call's recognized words become utterances per party, split at long pauses. */
class QaCallTranscriptsTest {

  static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

  static TranscriptWord w(String word, long start, Speaker speaker) {
    return new TranscriptWord(word, start, start + 300, 0.9, speaker);
  }

  @Test
  void wordsOfOneSpeakerFormAnUtteranceAndALongPauseStartsAnother() {
    List<TranscriptWord> words =
        List.of(
            w("where", 0, Speaker.CUSTOMER),
            w("is", 350, Speaker.CUSTOMER),
            w("my", 700, Speaker.CUSTOMER),
            w("refund", 1050, Speaker.CUSTOMER),
            w("and", 4000, Speaker.CUSTOMER), // 2.6 s later: a new question
            w("invoice", 4350, Speaker.CUSTOMER),
            w("press", 5000, Speaker.ROBOT),
            w("five", 5350, Speaker.AGENT),
            w("days", 5700, Speaker.AGENT));

    assertThat(QaCallTranscripts.call("c1", AT, words, ChatLanguage.EN).orElseThrow().utterances())
        .containsExactly(
            new Utterance(Party.CUSTOMER, "where is my refund"),
            new Utterance(Party.CUSTOMER, "and invoice"),
            new Utterance(Party.AGENT, "five days"));
  }

  @Test
  void chineseWordsAreJoinedWithoutSpacesAndAMixedChannelCallIsLeftOut() {
    assertThat(
            QaCallTranscripts.call(
                    "c2",
                    AT,
                    List.of(w("退款", 0, Speaker.CUSTOMER), w("到哪了", 350, Speaker.CUSTOMER)),
                    ChatLanguage.ZH)
                .orElseThrow()
                .utterances())
        .containsExactly(new Utterance(Party.CUSTOMER, "退款到哪了"));
    assertThat(
            QaCallTranscripts.call(
                "c3", AT, List.of(w("hello", 0, Speaker.UNKNOWN)), ChatLanguage.EN))
        .isEmpty();
  }
}
