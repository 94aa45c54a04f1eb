package io.contactcenter.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.contactcenter.app.security.AuditLog;
import io.contactcenter.common.PhoneNumber;
import io.contactcenter.pbx.PbxUnavailableException;
import io.contactcenter.routing.ClickToCall;
import io.contactcenter.routing.ClickToCallRefusedException;
import io.contactcenter.routing.ClickToCallRefusedException.Reason;
import io.contactcenter.routing.OutboundCall;
import java.util.function.Consumer;
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
 * Click-to-call's answers, fast and without Asterisk: 202 with the call id once the routing module
 * placed it, every refusal a named problem in the reader's language, every request audited with the
 * number masked, a placed call before the phone rings. The call itself is proven on the real
 * Asterisk (ClickToCallIT).
 */
@WebMvcTest(ClickToCallController.class)
@Import(WebConfiguration.class)
class ClickToCallTest {

  /** The real rules: SecurityConfiguration is package-private in another package. */
  @TestConfiguration
  @ComponentScan(
      basePackages = "io.contactcenter.app.security",
      useDefaultFilters = false,
      includeFilters =
          @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*\\.SecurityConfiguration"))
  static class Security {}

  private static final PhoneNumber CUSTOMER = PhoneNumber.parse("+8613800138001");

  @Autowired MockMvc mvc;
  @MockitoBean ClickToCall calls;
  @MockitoBean AuditLog audit;
  @MockitoBean UserLanguages languages;

  @Test
  @WithMockUser(username = "ada", roles = "AGENT")
  @SuppressWarnings("unchecked")
  void aPlacedCallIsAuditedBeforeThePhoneRingsAndAnswers202WithItsId() throws Exception {
    OutboundCall placed = new OutboundCall("cc-ring-c2c-1", "ada", "agent-41@trunk-test", CUSTOMER);
    when(calls.call(eq("ada"), eq(CUSTOMER), any()))
        .thenAnswer(
            invocation -> {
              ((Consumer<OutboundCall>) invocation.getArgument(2)).accept(placed);
              return placed;
            });

    call("{\"number\":\"+86 138 0013 8001\",\"ticketId\":\"T-42\"}", "en")
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.callId").value("cc-ring-c2c-1"))
        .andExpect(jsonPath("$.number").value("+861********01"));
    ArgumentCaptor<String> detail = ArgumentCaptor.forClass(String.class);
    verify(audit).clickToCall(any(), eq("call:cc-ring-c2c-1"), detail.capture());
    assertThat(detail.getValue())
        .contains("+861********01", "agent-41@trunk-test", "ticket T-42")
        .doesNotContain("13800138001");
  }

  @Test
  @WithMockUser(username = "ada", roles = "AGENT")
  void aNumberOnTheDoNotCallListIs422InTheReadersLanguageAndAudited() throws Exception {
    refuse(Reason.DO_NOT_CALL);
    call("{\"number\":\"+8613800138001\"}", "zh-CN")
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.type").value("urn:cc:problem:do-not-call"))
        .andExpect(jsonPath("$.detail").value("此号码在免打扰名单中，不能拨打。"));
    ArgumentCaptor<String> detail = ArgumentCaptor.forClass(String.class);
    verify(audit).clickToCall(any(), eq("ada"), detail.capture());
    assertThat(detail.getValue()).contains("+861********01", "do_not_call");
  }

  @Test
  @WithMockUser(username = "ada", roles = "AGENT")
  void anInvalidOrMissingNumberIs400NamingTheFieldAndNothingIsCalled() throws Exception {
    for (String body : new String[] {"{\"number\":\"13800138001\"}", "{}", "{\"number\":\"+1\"}"}) {
      call(body, "en")
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.type").value("urn:cc:problem:invalid-number"))
          .andExpect(jsonPath("$.field").value("number"))
          .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("number ")));
    }
    verify(calls, never()).call(anyString(), any(), any());
    verify(audit, org.mockito.Mockito.times(3))
        .clickToCall(any(), eq("ada"), eq("refused: not a valid number"));
  }

  @Test
  @WithMockUser(username = "ada", roles = "AGENT")
  void theAgentsStateAndPhoneAreNamedProblems() throws Exception {
    refuse(Reason.ON_CONTACT);
    call("{\"number\":\"+8613800138001\"}", "en")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.type").value("urn:cc:problem:agent-on-contact"));
    refuse(Reason.NOT_LOGGED_IN);
    call("{\"number\":\"+8613800138001\"}", "en")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.type").value("urn:cc:problem:agent-logged-out"));
    refuse(Reason.NO_PHONE);
    call("{\"number\":\"+8613800138001\"}", "en")
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.type").value("urn:cc:problem:no-agent-phone"))
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "You have no phone to call from: an admin sets it in your routing profile."));
    refuse(Reason.TOO_SOON);
    call("{\"number\":\"+8613800138001\"}", "en")
        .andExpect(status().isTooManyRequests())
        .andExpect(jsonPath("$.type").value("urn:cc:problem:calls-too-soon"));
  }

  @Test
  @WithMockUser(username = "ada", roles = "AGENT")
  void aSwitchThatCannotTakeTheCallIs503AndTheFailureIsAudited() throws Exception {
    when(calls.call(eq("ada"), eq(CUSTOMER), any()))
        .thenThrow(new PbxUnavailableException("not connected"));
    call("{\"number\":\"+8613800138001\"}", "en").andExpect(status().isServiceUnavailable());
    verify(audit).clickToCall(any(), eq("ada"), eq("to +861********01 failed: PBX unavailable"));
  }

  @Test
  @WithMockUser(username = "ada", roles = "AGENT")
  void aReferenceWithMarkupIsRefused() throws Exception {
    call("{\"number\":\"+8613800138001\",\"contactRef\":\"<script>\"}", "en")
        .andExpect(status().isBadRequest());
    verify(calls, never()).call(anyString(), any(), any());
  }

  @Test
  @WithMockUser(username = "quinn", roles = "QA")
  void onlyAgentsPlaceCalls() throws Exception {
    call("{\"number\":\"+8613800138001\"}", "en").andExpect(status().isForbidden());
    verify(calls, never()).call(anyString(), any(), any());
  }

  private void refuse(Reason reason) {
    doAnswer(
            invocation -> {
              throw new ClickToCallRefusedException(reason, "refused: " + reason);
            })
        .when(calls)
        .call(eq("ada"), eq(CUSTOMER), any());
  }

  private ResultActions call(String body, String language) throws Exception {
    return mvc.perform(
        post("/agent/api/calls")
            .with(csrf())
            .header("Accept-Language", language)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }
}
