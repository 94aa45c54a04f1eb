package io.contactcenter.onlinechat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.onlinechat.spi.CallTranscripts.Party;
import io.contactcenter.onlinechat.spi.CallTranscripts.TranscribedCall;
import io.contactcenter.onlinechat.spi.CallTranscripts.Utterance;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Customer utterances of calls become the questions, the agent's next reply their answer. */
class CallTranscriptImportTest {

  static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void eachCustomerUtteranceIsAQuestionAnsweredByTheAgentsNextReply() {
    TranscribedCall one =
        new TranscribedCall(
            "call-1",
            AT,
            List.of(
                new Utterance(Party.AGENT, "thank you for calling"),
                new Utterance(Party.CUSTOMER, "where is my refund"),
                new Utterance(Party.CUSTOMER, "I returned it last week"),
                new Utterance(Party.AGENT, "refunds take five working days"),
                new Utterance(Party.CUSTOMER, "嗯"),
                new Utterance(Party.CUSTOMER, "can I change the address")));
    TranscribedCall agentOnly =
        new TranscribedCall("call-2", AT, List.of(new Utterance(Party.AGENT, "hello? hello?")));

    CallTranscriptImport.Result result = CallTranscriptImport.read(List.of(one, agentOnly));

    assertThat(result.texts())
        .containsExactly(
            "where is my refund", "I returned it last week", "can I change the address");
    assertThat(result.answers())
        .isEqualTo(
            Arrays.asList(
                "refunds take five working days", "refunds take five working days", null));
    assertThat(result.callIds()).containsOnly("call-1");
    assertThat(result.calls()).isEqualTo(1);
  }
}
