package io.contactcenter.onlinechat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ConversationImportTest {

  @Test
  void customerTurnsBecomeQuestionsAnsweredByTheNextAgentTurnAndBadLinesAreReported()
      throws Exception {
    String jsonl;
    try (var in = getClass().getResourceAsStream("/kb/cold-start/conversations.jsonl")) {
      jsonl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    ConversationImport.Result result = ConversationImport.read(jsonl, new ObjectMapper());

    assertThat(result.texts())
        .containsExactly(
            "hello",
            "how long does a refund take",
            "how long does my refund take",
            "refund take how long",
            "how long does a refund take to arrive",
            "do you ship to canada",
            "shipping to canada possible?",
            "do you ship to canada please");
    String refund = "Refunds reach your card within 5 working days.";
    assertThat(result.answers())
        .isEqualTo(
            Arrays.asList(
                "Hi, how can I help?",
                refund,
                refund,
                "refunds reach your card within  5 working days.",
                "About a week.",
                "Yes, we ship to Canada.",
                "Yes, we ship to Canada.",
                null));
    assertThat(result.problems())
        .extracting(ConversationImport.Problem::line)
        .containsExactly(7, 8);
    assertThat(result.problems().get(1).problem()).isEqualTo("no messages array");
  }
}
