package io.contactcenter.outboundrobot.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.contactcenter.asrtts.IntentLabel;
import io.contactcenter.common.CampaignType;
import io.contactcenter.outboundrobot.DialogueOutcome;
import io.contactcenter.outboundrobot.DialogueScript;
import io.contactcenter.outboundrobot.DialogueScript.Step;
import io.contactcenter.outboundrobot.DialogueScript.VariableKind;
import io.contactcenter.outboundrobot.ScriptProblem;
import io.contactcenter.outboundrobot.ScriptRejectedException;
import io.contactcenter.outboundrobot.internal.domain.PromptText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class YamlDialogueScriptsTest {

  private final YamlDialogueScripts scripts = new YamlDialogueScripts();

  @ParameterizedTest
  @EnumSource(
      value = CampaignType.class,
      names = {"BALANCE", "DELAY", "REACTIVATE"})
  void eachBuiltInScriptLoadsForItsCampaignInEnglishAndChinese(CampaignType campaign) {
    DialogueScript script = scripts.builtIn(campaign);

    assertThat(script.campaign()).isEqualTo(campaign);
    assertThat(script.version()).isEqualTo(1);
    assertThat(script.language()).isEqualTo("en");
    assertThat(script.languages()).containsExactly("en", "zh");
    assertThat(script.variables()).containsEntry("merchant", VariableKind.TEXT);
    Step disclosure = script.steps().get(script.start());
    assertThat(disclosure.bargeIn()).isFalse();
    assertThat(disclosure.say().orElseThrow().texts())
        .allSatisfy((language, text) -> assertThat(text).contains("${merchant}"));
    for (Step step : script.steps().values()) {
      step.say().ifPresent(say -> assertThat(say.texts()).containsOnlyKeys("en", "zh"));
      step.listen()
          .ifPresent(
              listen -> assertThat(listen.dtmf()).containsEntry('9', IntentLabel.DO_NOT_CALL));
    }
  }

  @Test
  void theBuiltInsUseTheVariablesTheIssueNames() {
    assertThat(scripts.builtIn(CampaignType.BALANCE).variables())
        .containsEntry("amount_due", VariableKind.MONEY)
        .containsEntry("deadline", VariableKind.DATE)
        .containsEntry("order_number", VariableKind.DIGITS)
        .containsKey("customer_name");
    assertThat(scripts.builtIn(CampaignType.DELAY).variables())
        .containsEntry("new_delivery_date", VariableKind.DATE);
    assertThat(scripts.builtIn(CampaignType.REACTIVATE).variables()).containsKey("coupon");
    assertThat(scripts.builtIns()).hasSize(3);
    assertThatThrownBy(() -> scripts.builtIn(CampaignType.ANY))
        .hasMessageContaining("no built-in script for campaign any");
  }

  @Test
  void theBuiltInsAskAgainWhenTheRecognizerWasUnsure_andAScriptMaySayHowUnsure()
      throws IOException {
    for (DialogueScript builtIn : scripts.builtIns()) {
      assertThat(builtIn.settings().minSpeechConfidence()).isEqualTo(0.75);
    }
    String custom = resource("scripts/valid-custom.yaml");
    assertThat(scripts.read("custom", custom).settings().minSpeechConfidence()).isZero();
    DialogueScript strict =
        scripts.read("custom", custom + "\nsettings:\n  min_speech_confidence: 0.8\n");
    assertThat(strict.settings().minSpeechConfidence()).isEqualTo(0.8);
    assertThatThrownBy(
            () -> scripts.read("custom", custom + "\nsettings:\n  min_speech_confidence: 1.5\n"))
        .hasMessageContaining("min_speech_confidence must be between 0 and 1");
  }

  @Test
  void votedRepliesAreHeldToAShareThatDefaultsToTheMeasuredOne_andAScriptMaySetIt()
      throws IOException {
    for (DialogueScript builtIn : scripts.builtIns()) {
      assertThat(builtIn.settings().minVoteShare()).isEqualTo(0.6);
    }
    String custom = resource("scripts/valid-custom.yaml");
    // A script written before the setting existed keeps working, with the measured default.
    assertThat(scripts.read("custom", custom).settings().minVoteShare()).isEqualTo(0.6);
    assertThat(
            scripts
                .read("custom", custom + "\nsettings:\n  min_vote_share: 0.9\n")
                .settings()
                .minVoteShare())
        .isEqualTo(0.9);
    assertThatThrownBy(
            () -> scripts.read("custom", custom + "\nsettings:\n  min_vote_share: 1.5\n"))
        .hasMessageContaining("min_vote_share must be between 0 and 1, was 1.5");
    assertThatThrownBy(
            () -> scripts.read("custom", custom + "\nsettings:\n  min_vote_share: most\n"))
        .hasMessageContaining("settings.min_vote_share")
        .hasMessageContaining("a number");
  }

  @Test
  void aValidCustomScriptPasses() throws IOException {
    DialogueScript script =
        scripts.read("valid-custom.yaml", resource("scripts/valid-custom.yaml"));

    assertThat(script.id()).isEqualTo("pickup-reminder");
    assertThat(script.version()).isEqualTo(3);
    assertThat(script.campaign()).isEqualTo(CampaignType.ANY);
    assertThat(script.settings()).isEqualTo(DialogueScript.Settings.DEFAULT);
    DialogueScript.Listen listen = script.steps().get("ask").listen().orElseThrow();
    assertThat(listen.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(listen.minConfidence()).isEqualTo(0.7);
    assertThat(listen.dtmf()).containsEntry('1', IntentLabel.AGREE);
    assertThat(script.steps().get("later").end()).contains(DialogueOutcome.REFUSED);
  }

  @Test
  void jsonIsReadToo_andTheContentHashIgnoresLayoutAndKeyOrder() throws IOException {
    DialogueScript yaml = scripts.read("valid-custom.yaml", resource("scripts/valid-custom.yaml"));
    DialogueScript json = scripts.read("valid-custom.json", resource("scripts/valid-custom.json"));

    assertThat(json).isEqualTo(yaml);
    assertThat(json.contentHash()).isEqualTo(yaml.contentHash()).hasSize(64);
    DialogueScript changed =
        scripts.read(
            "changed",
            resource("scripts/valid-custom.yaml").replace("See you soon.", "See you later."));
    assertThat(changed.contentHash()).isNotEqualTo(yaml.contentHash());
  }

  @Test
  void theBuiltInsHaveDistinctHashes() {
    assertThat(scripts.builtIns()).extracting(DialogueScript::contentHash).doesNotHaveDuplicates();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          unknown-variable.yaml     | steps.ask.say.en: unknown variable '${shop}'; declared are [customer_name, merchant, store]
          unknown-label.yaml        | steps.ask.on.agreed: unknown intent label 'agreed': expected one of agree, already_done,
          unknown-step.yaml         | steps.ask.on.agree.goto: unknown step 'confirm'
          unreachable-step.yaml     | steps.orphan: unreachable from the start step 'hello'
          missing-disclosure.yaml   | steps.ask.barge_in: the opening disclosure must not be interruptible
          loop-without-exit.yaml    | steps.detour.next: loop detour → aside → detour never reaches an end step
          bad-yaml.yaml             | line 27, column 4: YAML syntax error (
          unknown-field.yaml        | steps.hello.bargein: unknown field; expected one of [actions, barge_in,
          reprompt-without-keys.yaml | steps.ask.listen.reprompt.en: does not offer key '2' as an alternative to speech
          no-opt-out.yaml           | steps.ask.on: no branch for do_not_call here or in the script's on
          """)
  void aWrongScriptIsRejectedNamingThePlace(String file, String expected) throws IOException {
    ScriptRejectedException rejected =
        catchThrowableOfType(
            ScriptRejectedException.class,
            () -> scripts.read(file, resource("scripts/invalid/" + file)));

    assertThat(rejected).as(file + " must be rejected").isNotNull();
    assertThat(rejected.problems())
        .extracting(ScriptProblem::toString)
        .anySatisfy(problem -> assertThat(problem).startsWith(expected));
    assertThat(rejected.getMessage()).startsWith("script " + file + " rejected:");
  }

  @Test
  void everyProblemIsListedNotJustTheFirst() throws IOException {
    ScriptRejectedException rejected =
        catchThrowableOfType(
            ScriptRejectedException.class,
            () ->
                scripts.read(
                    "several-problems.yaml", resource("scripts/invalid/several-problems.yaml")));

    assertThat(rejected.problems())
        .extracting(ScriptProblem::path)
        .containsExactlyInAnyOrder(
            "steps.ask.say.en",
            "steps.ask.on.agree.goto",
            "steps.ask.listen.reprompt.en",
            "steps.see_you");
  }

  @Test
  void aDisclosureMustNameTheMerchantAndOtherPromptsMustBeInterruptible() throws IOException {
    String source =
        resource("scripts/valid-custom.yaml")
            .replace("automated call from ${merchant}", "automated call")
            .replace("    end: agreed", "    barge_in: false\n    end: agreed");

    ScriptRejectedException rejected =
        catchThrowableOfType(ScriptRejectedException.class, () -> scripts.read("s", source));

    assertThat(rejected.problems())
        .extracting(ScriptProblem::toString)
        .containsExactly(
            "steps.hello.say.en: the disclosure must name the merchant with ${merchant}",
            "steps.see_you.barge_in: only the opening disclosure may be uninterruptible");
  }

  @Test
  void anOptOutMustBeHonouredAtOnce() throws IOException {
    String source =
        resource("scripts/valid-custom.yaml")
            .replace("  do_not_call: opt_out", "  do_not_call: later");

    ScriptRejectedException rejected =
        catchThrowableOfType(ScriptRejectedException.class, () -> scripts.read("s", source));

    assertThat(rejected.problems())
        .extracting(ScriptProblem::toString)
        .contains(
            "on.do_not_call.goto: step 'later' must end the call with the action do_not_call: an"
                + " opt-out is honoured at once");
  }

  @Test
  void shapeErrorsNameTheirPlace() throws IOException {
    String source =
        resource("scripts/valid-custom.yaml")
            .replace("timeout: 5s", "timeout: 5 seconds")
            .replace("version: 3", "version: three")
            .replace("    end: refused", "    end: declined")
            .replace("\"1\": agree", "\"12\": agree")
            .replace("actions: [do_not_call]", "actions: [dnc]");

    ScriptRejectedException rejected =
        catchThrowableOfType(ScriptRejectedException.class, () -> scripts.read("s", source));

    assertThat(rejected.problems())
        .extracting(ScriptProblem::toString)
        .contains(
            "version: 'three' is not a whole number",
            "steps.ask.listen.timeout: '5 seconds' is not a duration: a number with ms, s, m, h or"
                + " d, e.g. 6s",
            "steps.ask.listen.dtmf.12: a key is one of 0-9, * and #")
        .anySatisfy(p -> assertThat(p).startsWith("steps.later.end: unknown outcome 'declined'"))
        .anySatisfy(
            p -> assertThat(p).startsWith("steps.opt_out.actions[0]: unknown action 'dnc'"));
  }

  @Test
  void aStepDoingTwoThingsIsRejected() throws IOException {
    String source =
        resource("scripts/valid-custom.yaml")
            .replace("    end: agreed", "    end: agreed\n    next: later");

    ScriptRejectedException rejected =
        catchThrowableOfType(ScriptRejectedException.class, () -> scripts.read("s", source));

    assertThat(rejected.problems())
        .extracting(ScriptProblem::toString)
        .containsExactly(
            "steps.see_you: a step must have exactly one of listen, next and end, this one has 2");
  }

  @Test
  void emptyAndNonMapSourcesAreRejected() {
    assertThatThrownBy(() -> scripts.read("empty", " "))
        .isInstanceOf(ScriptRejectedException.class)
        .hasMessageContaining("(root): the script is empty");
    assertThatThrownBy(() -> scripts.read("list", "- a\n- b\n"))
        .isInstanceOf(ScriptRejectedException.class)
        .hasMessageContaining("(root): expected a map of names to values");
  }

  @Test
  void yesNoAndOnStayWordsNotBooleans() throws IOException {
    DialogueScript script = scripts.builtIn(CampaignType.BALANCE);

    assertThat(script.steps().get("ask_payment").listen().orElseThrow().phrases().get("en"))
        .contains("yes", "no");
    assertThat(script.on()).containsKey(IntentLabel.DO_NOT_CALL);
    assertThat(List.copyOf(script.steps().keySet())).startsWith("disclosure", "ask_payment");
    assertThat(PromptText.variables(script.apology().text("en").orElseThrow())).isEmpty();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in =
        YamlDialogueScriptsTest.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException(name + " not found");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
