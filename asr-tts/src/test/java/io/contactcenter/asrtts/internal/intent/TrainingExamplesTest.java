package io.contactcenter.asrtts.internal.intent;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.asrtts.IntentLabel;
import io.contactcenter.asrtts.ReplyLanguage;
import io.contactcenter.common.CampaignType;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TrainingExamplesTest {

  @Test
  void reportsBadRowsWithTheirLineNumberAndKeepsTheGoodOnes() throws Exception {
    TrainingExamples rows;
    try (var in = getClass().getResourceAsStream("/intents/bad-rows.tsv")) {
      rows =
          TrainingExamples.read("bad-rows.tsv", new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    assertThat(rows.examples())
        .containsExactly(
            new TrainingExamples.Example(
                ReplyLanguage.EN, CampaignType.BALANCE, IntentLabel.AGREE, "sure I'll pay"),
            new TrainingExamples.Example(
                ReplyLanguage.ZH, CampaignType.ANY, IntentLabel.DO_NOT_CALL, "别再打了"),
            new TrainingExamples.Example(
                ReplyLanguage.EN, CampaignType.DELAY, IntentLabel.QUESTION, "when will it come"));
    assertThat(rows.problems())
        .extracting(TrainingExamples.Problem::toString)
        .containsExactly(
            "line 4: expected 4 tab-separated columns (lang, campaign, label, utterance), found 3",
            "line 5: unknown intent label 'maybe': expected one of agree, already_done, refuse,"
                + " call_back_later, wrong_person, request_human, question, complaint, do_not_call,"
                + " unknown",
            "line 6: unsupported language 'fr': supported are en, zh",
            "line 7: unknown campaign 'xmas': expected one of balance, delay, reactivate, any",
            "line 9: utterance is empty");
  }
}
