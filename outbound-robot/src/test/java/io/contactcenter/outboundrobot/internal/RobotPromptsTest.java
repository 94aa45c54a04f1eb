package io.contactcenter.outboundrobot.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.common.CampaignType;
import io.contactcenter.outboundrobot.DialogueScript;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RobotPromptsTest {

  private final DialogueScript script = new YamlDialogueScripts().builtIn(CampaignType.BALANCE);
  private final Map<String, String> values =
      Map.of(
          "merchant", "Acme Shop",
          "customer_name", "Li Lei",
          "order_number", "A, two, zero",
          "amount_due", "twelve yuan",
          "deadline", "Monday, November thirtieth");

  @Test
  void everyPromptIsRenderedForPrerenderingWithoutPlaceholders() {
    var prompts = RobotCallHandler.prompts(script, "en", values);

    assertThat(prompts).isNotEmpty().doesNotHaveDuplicates();
    assertThat(prompts).noneMatch(p -> p.contains("${"));
    assertThat(prompts.getFirst()).contains("Acme Shop");
    assertThat(prompts).anyMatch(p -> p.contains("Monday, November thirtieth"));
  }

  @Test
  void promptsWithAMissingValueAreLeftOut() {
    var prompts = RobotCallHandler.prompts(script, "en", Map.of("merchant", "Acme Shop"));

    assertThat(prompts).noneMatch(p -> p.contains("${"));
    assertThat(prompts).anyMatch(p -> p.contains("Acme Shop"));
  }

  @Test
  void variableValuesAreSpokenByTheirKind() {
    assertThat(RobotService.spoken("order_number", DialogueScript.VariableKind.DIGITS, "A12"))
        .doesNotContain("A12");
    assertThat(RobotService.spoken("customer_name", DialogueScript.VariableKind.TEXT, "Li Lei"))
        .isEqualTo("Li Lei");
  }
}
