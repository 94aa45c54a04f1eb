package io.contactcenter.outboundrobot.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.contactcenter.common.CampaignType;
import io.contactcenter.outboundrobot.DialogueScript;
import io.contactcenter.outboundrobot.DialogueScript.PromptAt;
import io.contactcenter.outboundrobot.ScriptProblem;
import io.contactcenter.outboundrobot.ScriptRejectedException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlPromptEditorTest {

  private final YamlDialogueScripts scripts = new YamlDialogueScripts();

  @Test
  void replacesOnlyTheEditedTexts_keepingCommentsAndLayout() {
    String source = builtIn();
    String edited =
        YamlPromptEditor.withTexts(
            "test",
            source,
            Map.of(
                "steps.callback.say",
                Map.of("en", "  No problem: we'll call you \"then\".\n", "zh", "好的，回头见 👋"),
                "steps.ask_payment.listen.reprompt",
                Map.of(
                    "en",
                    "Press 1 if you'll pay by ${deadline}, 2 if paid, 3 for later, 0 for a person, 9 to stop.")));

    DialogueScript script = scripts.read("edited", edited);
    assertThat(script.steps().get("callback").say().orElseThrow().texts())
        .containsEntry("en", "No problem: we'll call you \"then\".")
        .containsEntry("zh", "好的，回头见 👋");
    assertThat(script.steps().get("ask_payment").listen().orElseThrow().reprompt().texts())
        .containsEntry(
            "en",
            "Press 1 if you'll pay by ${deadline}, 2 if paid, 3 for later, 0 for a person, 9 to stop.");
    // Every other line is as it was: the comments, the other prompts, the order of keys.
    List<String> before = source.lines().toList();
    List<String> after = edited.lines().toList();
    assertThat(after).hasSameSizeAs(before);
    for (int i = 0; i < before.size(); i++) {
      if (!after.get(i).equals(before.get(i))) {
        assertThat(before.get(i)).containsAnyOf("We'll call you back then", "到时候再联系您", "keypad");
      }
    }
    assertThat(edited).startsWith("# Pre-sale final (balance) payment reminder.");
  }

  @Test
  void anEmojiBeforeTheTextDoesNotShiftTheReplacement() {
    // SnakeYAML counts code points, Java strings UTF-16 units: 😀 is one and two.
    String source = builtIn().replace("# Pre-sale", "# 😀😀 Pre-sale");
    String edited =
        YamlPromptEditor.withTexts(
            "test", source, Map.of("apology", Map.of("en", "Sorry, goodbye.")));

    assertThat(scripts.read("edited", edited).apology().texts())
        .containsEntry("en", "Sorry, goodbye.")
        .containsEntry("zh", "抱歉，本次通话暂时无法继续。再见。");
  }

  @Test
  void editsJsonAsJson() throws IOException {
    String source = resource("scripts/valid-custom.json");
    String edited =
        YamlPromptEditor.withTexts(
            "test", source, Map.of("steps.see_you.say", Map.of("en", "See you at ${store}.\tBye")));

    assertThat(scripts.read("edited", edited).steps().get("see_you").say().orElseThrow().texts())
        .containsEntry("en", "See you at ${store}.\tBye");
    assertThat(edited).contains("\"say\": {\"en\": \"See you at ${store}.\\tBye\"}");
  }

  @Test
  void blockScalarsAreReplacedWithoutSwallowingTheNextLine() {
    String source =
        builtIn()
            .replace(
                "      en: \"Sure. When would be a good time to call you back?\"",
                "      en: |\n        Sure. When would be\n        a good time?\n");
    String edited =
        YamlPromptEditor.withTexts(
            "test", source, Map.of("steps.ask_callback_time.say", Map.of("en", "When, then?")));

    assertThat(edited).contains("      en: \"When, then?\"\n\n      zh: ");
    assertThat(scripts.read("edited", edited).steps().get("ask_callback_time").say().orElseThrow())
        .extracting(p -> p.texts().get("en"))
        .isEqualTo("When, then?");
  }

  @Test
  void namesEveryPathAndLanguageItCannotEdit() {
    String source =
        builtIn()
            .replace("apology:\n  en: \"", "apology:\n  en: &sorry \"")
            .replace(
                "      en: \"Sorry, we couldn't hear you. We'll try again another time. Goodbye.\"",
                "      en: *sorry");

    ScriptRejectedException e =
        catchThrowableOfType(
            ScriptRejectedException.class,
            () ->
                YamlPromptEditor.withTexts(
                    "test",
                    source,
                    Map.of(
                        "steps.nowhere.say", Map.of("en", "x"),
                        "steps.ask_payment.listen.timeout", Map.of("en", "x"),
                        "steps.refused.say", Map.of("fr", "Au revoir."),
                        "steps.no_response.say", Map.of("en", "Bye."))));

    assertThat(e.problems())
        .extracting(ScriptProblem::toString)
        .containsExactlyInAnyOrder(
            "steps.nowhere.say: the script has no prompt here",
            "steps.ask_payment.listen.timeout: the script has no prompt here",
            "steps.refused.say.fr: the prompt has no text in 'fr'",
            "steps.no_response.say.en: written with a YAML anchor, alias or tag: change it in the"
                + " script's source");
  }

  @Test
  void anEditedTextIsCheckedLikeAnyOther() {
    String edited =
        YamlPromptEditor.withTexts(
            "test",
            builtIn(),
            Map.of("steps.will_pay.say", Map.of("en", "Thanks ${nope}!", "zh", " ")));

    ScriptRejectedException e =
        catchThrowableOfType(ScriptRejectedException.class, () -> scripts.read("edited", edited));
    assertThat(e.problems()).extracting(ScriptProblem::path).contains("steps.will_pay.say.zh");
  }

  @Test
  void quotesWhatYamlAndJsonWouldReadOtherwise() {
    assertThat(YamlPromptEditor.quoted("a \"b\" \\ c\nd\u0007 #e: ${f}"))
        .isEqualTo("\"a \\\"b\\\" \\\\ c\\nd\\u0007 #e: ${f}\"");
  }

  @Test
  void everyPromptIsListedWithItsPathAndTheVariablesItMayUse() {
    DialogueScript script = scripts.builtIn(CampaignType.BALANCE);

    List<PromptAt> prompts = script.prompts();

    assertThat(prompts)
        .extracting(PromptAt::path)
        .startsWith(
            "steps.disclosure.say", "steps.ask_payment.say", "steps.ask_payment.listen.reprompt")
        .endsWith("apology")
        .doesNotHaveDuplicates();
    assertThat(prompts.get(0).variables())
        .containsExactly("amount_due", "customer_name", "deadline", "merchant", "order_number");
    assertThat(prompts.getLast().variables()).isEmpty();
    for (PromptAt prompt : prompts) {
      String edited =
          YamlPromptEditor.withTexts(
              "test", builtIn(), Map.of(prompt.path(), Map.of("zh", "你好，${merchant}。")));
      assertThat(edited).as(prompt.path()).contains("\"你好，${merchant}。\"");
    }
  }

  private String builtIn() {
    return scripts.builtInSource("balance-reminder", 1).orElseThrow();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = YamlPromptEditorTest.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException(name + " not found");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
