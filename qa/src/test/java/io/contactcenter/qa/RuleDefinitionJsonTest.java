package io.contactcenter.qa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Rules are stored as JSON: old rows (without the combined fields) and new ones read back. */
class RuleDefinitionJsonTest {

  private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

  @Test
  void aCombinedRuleAndARuleStoredBeforeCombinedRulesReadBack() throws Exception {
    RuleDefinition combined =
        new RuleDefinition(
            "both",
            RuleKind.COMBINED,
            "s",
            5,
            true,
            "zh",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            RuleDefinition.Combination.OR,
            List.of(UUID.randomUUID(), UUID.randomUUID()));
    assertThat(json.readValue(json.writeValueAsString(combined), RuleDefinition.class))
        .isEqualTo(combined);
    String old =
        "{\"name\":\"Hold\",\"kind\":\"HOLD_TIME\",\"section\":\"flow\",\"weight\":3,"
            + "\"autoFail\":false,\"limit\":30.000000000,\"phrases\":[]}";
    RuleDefinition read = json.readValue(old, RuleDefinition.class);
    assertThat(read.limit()).isEqualTo(Duration.ofSeconds(30));
    assertThat(read.parts()).isEmpty();
    assertThat(read.combine()).isNull();
  }
}
