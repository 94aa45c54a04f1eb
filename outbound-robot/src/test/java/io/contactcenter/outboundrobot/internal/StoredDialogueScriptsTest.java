package io.contactcenter.outboundrobot.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.contactcenter.outboundrobot.ScriptProblem;
import io.contactcenter.outboundrobot.ScriptRejectedException;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Prompt edits refused before anything is stored. There is no database here: an edit that got as
 * far as storing would fail with a NullPointerException instead.
 */
class StoredDialogueScriptsTest {

  private final YamlDialogueScripts yaml = new YamlDialogueScripts();
  private final StoredDialogueScripts scripts =
      new StoredDialogueScripts(yaml, null, null, Clock.systemUTC());

  @Test
  void theBuiltInsSourceIsTheShippedFile() {
    assertThat(scripts.source("balance-reminder", 1))
        .hasValueSatisfying(
            source ->
                assertThat(source).startsWith("# Pre-sale final (balance) payment reminder."));
  }

  @Test
  void editedTextsAreCheckedAndSpokenWithoutANewVersion() {
    var script =
        scripts.withPromptTexts(
            "balance-reminder",
            1,
            Map.of("steps.will_pay.say", Map.of("en", "Thank you, ${customer_name}!")));

    assertThat(script.version()).isEqualTo(1);
    assertThat(script.steps().get("will_pay").say().orElseThrow().texts())
        .containsEntry("en", "Thank you, ${customer_name}!");
    // The other language and the other prompts are the version's own.
    assertThat(script.steps().get("will_pay").say().orElseThrow().texts().get("zh"))
        .isEqualTo(
            scripts
                .find("balance-reminder", 1)
                .orElseThrow()
                .steps()
                .get("will_pay")
                .say()
                .orElseThrow()
                .texts()
                .get("zh"));
  }

  @Test
  void editedTextsWithAnUnknownVariableAreRefusedAsSavingThemWouldBe() {
    ScriptRejectedException e =
        catchThrowableOfType(
            ScriptRejectedException.class,
            () ->
                scripts.withPromptTexts(
                    "balance-reminder",
                    1,
                    Map.of("steps.will_pay.say", Map.of("en", "Thanks, ${nope}!"))));

    assertThat(e.problems())
        .extracting(ScriptProblem::toString)
        .singleElement()
        .asString()
        .startsWith("steps.will_pay.say.en: unknown variable '${nope}'");
  }

  @Test
  void anUnknownVariableIsRefusedAtItsPromptAndLanguage() {
    ScriptRejectedException e =
        catchThrowableOfType(
            ScriptRejectedException.class,
            () ->
                scripts.revisePrompts(
                    "balance-reminder",
                    1,
                    Map.of("steps.will_pay.say", Map.of("en", "Thanks, ${nope}!")),
                    "ops"));

    assertThat(e.problems())
        .extracting(ScriptProblem::toString)
        .singleElement()
        .asString()
        .startsWith("steps.will_pay.say.en: unknown variable '${nope}'");
  }

  @Test
  void textsThatChangeNothingAreNotANewVersion() {
    String same =
        yaml.builtIns().stream()
            .filter(s -> s.id().equals("balance-reminder"))
            .findFirst()
            .orElseThrow()
            .steps()
            .get("will_pay")
            .say()
            .orElseThrow()
            .texts()
            .get("en");

    assertThatThrownBy(
            () ->
                scripts.revisePrompts(
                    "balance-reminder",
                    1,
                    Map.of("steps.will_pay.say", Map.of("en", "  " + same + "\n")),
                    "ops"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the texts are those of balance-reminder v1: nothing to save");
    assertThatThrownBy(() -> scripts.revisePrompts("balance-reminder", 1, Map.of(), "ops"))
        .hasMessage("no prompt text to change");
  }
}
