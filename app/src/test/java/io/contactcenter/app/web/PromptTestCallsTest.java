package io.contactcenter.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.contactcenter.app.security.AuditLog;
import io.contactcenter.campaigns.Campaign;
import io.contactcenter.campaigns.CampaignState;
import io.contactcenter.campaigns.Campaigns;
import io.contactcenter.campaigns.DoNotCallList;
import io.contactcenter.common.CampaignType;
import io.contactcenter.common.PhoneNumber;
import io.contactcenter.outboundrobot.RobotAttempt;
import io.contactcenter.outboundrobot.RobotCalls;
import io.contactcenter.outboundrobot.TestCallInFlightException;
import io.contactcenter.outboundrobot.TestCallRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The prompt editor's test call answers, fast and without Asterisk: 202 with the robot's attempt
 * once placed with the edited texts and the campaign's values, every refusal a named problem in the
 * reader's language before anything is dialed, every request audited with the number masked. The
 * call itself is proven on the real Asterisk (PromptTestCallIT).
 */
@WebMvcTest(PromptTestCallsController.class)
@Import(WebConfiguration.class)
class PromptTestCallsTest {

  /** The real rules: SecurityConfiguration is package-private in another package. */
  @TestConfiguration
  @ComponentScan(
      basePackages = "io.contactcenter.app.security",
      useDefaultFilters = false,
      includeFilters =
          @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*\\.SecurityConfiguration"))
  static class Security {}

  private static final String PATH = "/api/v1/scripts/balance-reminder/versions/3/test-calls";
  private static final PhoneNumber TESTER = PhoneNumber.parse("+8613800138001");
  private static final String EDITED =
      "\"texts\":{\"steps.ask_payment.say\":{\"en\":\"Edited ${amount_due}\"}}";

  @Autowired MockMvc mvc;
  @MockitoBean RobotCalls robot;
  @MockitoBean Campaigns campaigns;
  @MockitoBean DoNotCallList doNotCall;
  @MockitoBean AuditLog audit;
  @MockitoBean UserLanguages languages;

  @Test
  @WithMockUser(username = "olga", roles = "OPS")
  void aPlacedTestCallCarriesTheEditedTextsAndTheCampaignsValuesAndIsAudited() throws Exception {
    campaign();
    when(robot.testCall(any())).thenReturn(attempt("robot-t1"));

    call("{\"number\":\"+86 138 0013 8001\",\"campaignId\":\"cmp-1\"," + EDITED + "}", "en")
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.attemptId").value("robot-t1"))
        .andExpect(jsonPath("$.testCall").value(true));
    ArgumentCaptor<TestCallRequest> request = ArgumentCaptor.forClass(TestCallRequest.class);
    verify(robot).testCall(request.capture());
    assertThat(request.getValue().phone()).isEqualTo(TESTER);
    assertThat(request.getValue().scriptId()).isEqualTo("balance-reminder");
    assertThat(request.getValue().scriptVersion()).isEqualTo(3);
    assertThat(request.getValue().language()).isEqualTo("zh");
    assertThat(request.getValue().variables()).containsEntry("merchant", "Acme Shop");
    assertThat(request.getValue().currency()).isEqualTo("CNY");
    assertThat(request.getValue().promptTexts())
        .isEqualTo(Map.of("steps.ask_payment.say", Map.of("en", "Edited ${amount_due}")));
    assertThat(request.getValue().requestedBy()).isEqualTo("olga");
    ArgumentCaptor<String> detail = ArgumentCaptor.forClass(String.class);
    verify(audit).testCall(any(), eq("robot:robot-t1"), detail.capture());
    assertThat(detail.getValue())
        .contains("+861********01", "balance-reminder v3", "cmp-1", "1 prompt(s) edited")
        .doesNotContain("13800138001");
  }

  @Test
  @WithMockUser(username = "olga", roles = "OPS")
  void aMalformedNumberIs400NamingTheFieldAndNobodyIsCalled() throws Exception {
    campaign();
    for (String number : new String[] {"\"13800138001\"", "null", "\"+1\""}) {
      call("{\"number\":" + number + ",\"campaignId\":\"cmp-1\"}", "zh-CN")
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.type").value("urn:cc:problem:invalid-number"))
          .andExpect(jsonPath("$.field").value("number"))
          .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("number 必须是")));
    }
    verify(robot, never()).testCall(any());
    verify(audit, org.mockito.Mockito.times(3))
        .testCall(
            any(),
            eq("olga"),
            eq("script balance-reminder v3 campaign cmp-1 refused: not a valid number"));
  }

  @Test
  @WithMockUser(username = "olga", roles = "OPS")
  void aMissingCampaignIs400NamingTheField() throws Exception {
    call("{\"number\":\"+8613800138001\"}", "en")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("campaignId"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("campaignId: ")));
    verify(robot, never()).testCall(any());
  }

  @Test
  @WithMockUser(username = "olga", roles = "OPS")
  void aNumberOnTheDoNotCallListIs422AndNobodyIsCalled() throws Exception {
    campaign();
    when(doNotCall.contains(TESTER)).thenReturn(true);

    call("{\"number\":\"+8613800138001\",\"campaignId\":\"cmp-1\"}", "zh-CN")
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.type").value("urn:cc:problem:do-not-call"))
        .andExpect(jsonPath("$.detail").value("此号码在免打扰名单中，不能拨打。"));
    verify(robot, never()).testCall(any());
    ArgumentCaptor<String> detail = ArgumentCaptor.forClass(String.class);
    verify(audit).testCall(any(), eq("olga"), detail.capture());
    assertThat(detail.getValue()).contains("+861********01", "refused: do-not-call");
  }

  @Test
  @WithMockUser(username = "olga", roles = "OPS")
  void aSecondTestCallWhileTheFirstIsGoingIs429() throws Exception {
    campaign();
    when(robot.testCall(any())).thenThrow(new TestCallInFlightException("olga"));

    call("{\"number\":\"+8613800138001\",\"campaignId\":\"cmp-1\"}", "en")
        .andExpect(status().isTooManyRequests())
        .andExpect(jsonPath("$.type").value("urn:cc:problem:test-call-in-flight"))
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "Your previous test call has not ended yet: wait until it does, then try"
                        + " again."));
    verify(audit).testCall(any(), eq("olga"), org.mockito.ArgumentMatchers.endsWith("in flight"));
  }

  @Test
  @WithMockUser(username = "ada", roles = "AGENT")
  void onlyOpsAndAdminsPlaceTestCalls() throws Exception {
    call("{\"number\":\"+8613800138001\",\"campaignId\":\"cmp-1\"}", "en")
        .andExpect(status().isForbidden());
    verify(robot, never()).testCall(any());
    verify(audit, never()).testCall(any(), anyString(), anyString());
  }

  private void campaign() {
    when(campaigns.find("cmp-1"))
        .thenReturn(
            Optional.of(
                new Campaign(
                    "cmp-1",
                    "Prompt edits",
                    CampaignType.BALANCE,
                    "balance-reminder",
                    3,
                    "zh",
                    CampaignState.DRAFT,
                    null,
                    List.of(),
                    1,
                    1.0,
                    1,
                    null,
                    Map.of("merchant", "Acme Shop"),
                    "olga",
                    Instant.EPOCH,
                    "CNY")));
  }

  private static RobotAttempt attempt(String id) {
    return new RobotAttempt(
        id,
        "+861********01",
        "balance-reminder",
        3,
        "zh",
        RobotAttempt.Status.DIALING,
        null,
        null,
        null,
        null,
        null,
        null,
        Instant.EPOCH,
        null,
        null,
        List.of(),
        "olga",
        true,
        Map.of("steps.ask_payment.say", Map.of("en", "Edited ${amount_due}")));
  }

  private ResultActions call(String body, String language) throws Exception {
    return mvc.perform(
        post(PATH)
            .with(csrf())
            .header("Accept-Language", language)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }
}
