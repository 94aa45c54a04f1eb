package io.contactcenter.app.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.contactcenter.asrtts.IntentLabel;
import io.contactcenter.common.CampaignType;
import io.contactcenter.outboundrobot.DialogueOutcome;
import io.contactcenter.outboundrobot.DialogueScript;
import io.contactcenter.outboundrobot.DialogueScript.Branch;
import io.contactcenter.outboundrobot.DialogueScript.Listen;
import io.contactcenter.outboundrobot.DialogueScript.Prompt;
import io.contactcenter.outboundrobot.DialogueScript.Settings;
import io.contactcenter.outboundrobot.DialogueScript.Step;
import io.contactcenter.outboundrobot.DialogueScript.VariableKind;
import io.contactcenter.outboundrobot.DialogueScripts;
import io.contactcenter.outboundrobot.ScriptProblem;
import io.contactcenter.outboundrobot.ScriptRejectedException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The prompt editor's API over a stubbed script store, with the application's security rules. */
@WebMvcTest(ScriptsController.class)
class ScriptsControllerTest {

  /** The real rules: SecurityConfiguration is package-private in another package. */
  @TestConfiguration
  @ComponentScan(
      basePackages = "io.contactcenter.app.security",
      useDefaultFilters = false,
      includeFilters =
          @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*\\.SecurityConfiguration"))
  static class Security {}

  private static final String PROMPTS = "/api/v1/scripts/pickup/versions/3/prompts";

  @Autowired MockMvc mvc;
  @MockitoBean DialogueScripts scripts;

  @Test
  @WithMockUser(roles = "QA")
  void listsEveryPromptWithItsPathKindTextsAndVariables() throws Exception {
    when(scripts.find("pickup", 3)).thenReturn(Optional.of(script(3)));

    mvc.perform(get(PROMPTS))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.scriptId").value("pickup"))
        .andExpect(jsonPath("$.version").value(3))
        .andExpect(jsonPath("$.languages[1]").value("zh"))
        .andExpect(jsonPath("$.variables.amount_due").value("money"))
        .andExpect(jsonPath("$.variables.merchant").value("text"))
        .andExpect(jsonPath("$.prompts.length()").value(5))
        .andExpect(jsonPath("$.prompts[0].path").value("steps.hello.say"))
        .andExpect(jsonPath("$.prompts[0].step").value("hello"))
        .andExpect(jsonPath("$.prompts[0].kind").value("say"))
        .andExpect(jsonPath("$.prompts[0].texts.en").value("Hi, ${merchant} here."))
        .andExpect(jsonPath("$.prompts[0].texts.zh").value("您好，这里是${merchant}。"))
        .andExpect(jsonPath("$.prompts[0].variables[0]").value("amount_due"))
        .andExpect(jsonPath("$.prompts[2].path").value("steps.ask.listen.reprompt"))
        .andExpect(jsonPath("$.prompts[2].kind").value("reprompt"))
        .andExpect(jsonPath("$.prompts[4].path").value("apology"))
        .andExpect(jsonPath("$.prompts[4].kind").value("apology"))
        .andExpect(jsonPath("$.prompts[4].step").doesNotExist())
        .andExpect(jsonPath("$.prompts[4].variables.length()").value(0));
  }

  @Test
  @WithMockUser(roles = "OPS")
  void anUnknownVersionIsNotFound() throws Exception {
    when(scripts.find(anyString(), anyInt())).thenReturn(Optional.empty());
    when(scripts.source(anyString(), anyInt())).thenReturn(Optional.empty());

    mvc.perform(get(PROMPTS))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.type").value("urn:cc:problem:script-not-found"))
        .andExpect(jsonPath("$.detail").value("no script pickup v3"));
    mvc.perform(get("/api/v1/scripts/pickup/versions/3")).andExpect(status().isNotFound());
  }

  @Test
  @WithMockUser(username = "olga", roles = "OPS")
  void savesTheChangedTextsAsTheNextVersion() throws Exception {
    Map<String, Map<String, String>> texts =
        Map.of("steps.ask.say", Map.of("en", "Will you pay ${amount_due}?", "zh", "能支付吗？"));
    when(scripts.revisePrompts("pickup", 3, texts, "olga")).thenReturn(script(4));

    mvc.perform(
            post(PROMPTS)
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"texts": {"steps.ask.say":
                      {"en": "Will you pay ${amount_due}?", "zh": "能支付吗？"}}}
                    """))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.scriptId").value("pickup"))
        .andExpect(jsonPath("$.version").value(4))
        .andExpect(jsonPath("$.savedBy").value("olga"));
  }

  @Test
  @WithMockUser(roles = "OPS")
  void aRejectedTextAnswers422WithEveryProblemAndItsPath() throws Exception {
    when(scripts.revisePrompts(eq("pickup"), eq(3), anyMap(), anyString()))
        .thenThrow(
            new ScriptRejectedException(
                "pickup v3 with new prompts",
                List.of(
                    ScriptProblem.of(
                        "steps.ask.say.en",
                        "variable-unknown",
                        "unknown variable '${nope}'; declared are [amount_due, merchant]",
                        "${nope}",
                        "[amount_due, merchant]"))));

    mvc.perform(
            post(PROMPTS)
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"texts\": {\"steps.ask.say\": {\"en\": \"Pay ${nope}?\"}}}"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.type").value("urn:cc:problem:script-rejected"))
        .andExpect(jsonPath("$.problems[0].path").value("steps.ask.say.en"))
        .andExpect(jsonPath("$.problems[0].code").value("variable-unknown"))
        .andExpect(
            jsonPath("$.problems[0].message")
                .value("unknown variable '${nope}'; declared are [amount_due, merchant]"));
  }

  @Test
  @WithMockUser(roles = "SUPERVISOR")
  void onlyOpsAndAdminsSavePrompts() throws Exception {
    mvc.perform(
            post(PROMPTS)
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"texts\": {\"apology\": {\"en\": \"Sorry.\"}}}"))
        .andExpect(status().isForbidden());
    verify(scripts, never()).revisePrompts(anyString(), anyInt(), any(), any());
  }

  @Test
  @WithMockUser(roles = "OPS")
  void aPageMustSendItsCsrfToken() throws Exception {
    mvc.perform(
            post(PROMPTS)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"texts\": {\"apology\": {\"en\": \"Sorry.\"}}}"))
        .andExpect(status().isForbidden());
  }

  /** A small script: hello, a question with its re-prompt, a goodbye, the apology. */
  private static DialogueScript script(int version) {
    Map<String, Step> steps = new LinkedHashMap<>();
    steps.put(
        "hello",
        new Step(
            Optional.of(prompt("Hi, ${merchant} here.", "您好，这里是${merchant}。")),
            false,
            Optional.empty(),
            Map.of(),
            Optional.of("ask"),
            Optional.empty(),
            Optional.empty(),
            Set.of()));
    steps.put(
        "ask",
        new Step(
            Optional.of(prompt("Will you pay ${amount_due}?", "您能支付${amount_due}吗？")),
            true,
            Optional.of(
                new Listen(
                    Map.of(),
                    Duration.ofSeconds(6),
                    0.6,
                    Map.of('9', IntentLabel.DO_NOT_CALL),
                    prompt("Press 9 to stop these calls.", "不想再接到电话请按9。"),
                    Optional.empty())),
            Map.of(IntentLabel.DO_NOT_CALL, Branch.to("bye")),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Set.of()));
    steps.put(
        "bye",
        new Step(
            Optional.of(prompt("Goodbye.", "再见。")),
            true,
            Optional.empty(),
            Map.of(),
            Optional.empty(),
            Optional.of(DialogueOutcome.DO_NOT_CALL),
            Optional.empty(),
            Set.of(DialogueScript.StepAction.DO_NOT_CALL)));
    return new DialogueScript(
        "pickup",
        version,
        CampaignType.BALANCE,
        "en",
        List.of("en", "zh"),
        Map.of("merchant", VariableKind.TEXT, "amount_due", VariableKind.MONEY),
        Settings.DEFAULT,
        "hello",
        "bye",
        prompt("Sorry, goodbye.", "抱歉，再见。"),
        Map.of(),
        steps);
  }

  private static Prompt prompt(String en, String zh) {
    return new Prompt(Map.of("en", en, "zh", zh));
  }
}
