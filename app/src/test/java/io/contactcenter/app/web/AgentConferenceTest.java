package io.contactcenter.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.contactcenter.app.security.AuditLog;
import io.contactcenter.app.security.Permission;
import io.contactcenter.app.security.Role;
import io.contactcenter.app.security.UserAccounts;
import io.contactcenter.pbx.CallMonitoring;
import io.contactcenter.pbx.MonitorMode;
import io.contactcenter.pbx.MonitorRequest;
import io.contactcenter.routing.AgentDesk;
import io.contactcenter.routing.AgentDirectory;
import io.contactcenter.routing.AgentSettings;
import io.contactcenter.routing.AgentState;
import io.contactcenter.routing.AgentStatus;
import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
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
 * The rules of conferencing a supervisor in, fast and without Asterisk: only the agent's own live
 * call, only an enabled supervisor with a phone and the barge permission, audited before the phone
 * rings, refusals named in the reader's language. The audio of all three is proven on the real
 * Asterisk (CallMonitorIT).
 */
@WebMvcTest(AgentConferenceController.class)
@Import({WebConfiguration.class, SupervisionProperties.Enable.class})
class AgentConferenceTest {

  /** The real rules: SecurityConfiguration is package-private in another package. */
  @TestConfiguration
  @ComponentScan(
      basePackages = "io.contactcenter.app.security",
      useDefaultFilters = false,
      includeFilters =
          @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*\\.SecurityConfiguration"))
  static class Security {}

  private static final ContactId CALL = ContactId.of("voice:1733212345.42");

  @Autowired MockMvc mvc;
  @MockitoBean AgentDesk desk;
  @MockitoBean UserAccounts accounts;
  @MockitoBean AgentDirectory directory;
  @MockitoBean CallMonitoring monitoring;
  @MockitoBean AuditLog audit;
  @MockitoBean UserLanguages languages;

  @BeforeEach
  void adaHoldsACallAndSunIsASupervisorWithAPhone() {
    when(desk.status("ada"))
        .thenReturn(
            new AgentStatus(
                "ada",
                AgentState.ON_CONTACT,
                "",
                null,
                List.of(),
                List.of(
                    new AgentStatus.OfferedContact(
                        CALL, ContactChannel.VOICE, "support", "", Instant.EPOCH, Instant.EPOCH))));
    when(desk.status("bo"))
        .thenReturn(new AgentStatus("bo", AgentState.READY, "", null, List.of(), List.of()));
    when(accounts.state("sun"))
        .thenReturn(Optional.of(new UserAccounts.State(Set.of(Role.SUPERVISOR), true, false, 0)));
    when(directory.find("sun"))
        .thenReturn(Optional.of(new AgentSettings("sun", Map.of(), 0, 0, 0, "supervisor-1")));
    when(accounts.state("cy"))
        .thenReturn(Optional.of(new UserAccounts.State(Set.of(Role.AGENT), true, false, 0)));
    when(accounts.state("dee"))
        .thenReturn(Optional.of(new UserAccounts.State(Set.of(Role.SUPERVISOR), false, false, 0)));
    when(accounts.state("fay"))
        .thenReturn(
            Optional.of(
                new UserAccounts.State(
                    Set.of(Role.SUPERVISOR),
                    EnumSet.of(Permission.MONITOR_LISTEN, Permission.MONITOR_WHISPER),
                    true,
                    false,
                    0)));
    when(directory.find("fay"))
        .thenReturn(Optional.of(new AgentSettings("fay", Map.of(), 0, 0, 0, "supervisor-2")));
    when(accounts.state("eve"))
        .thenReturn(Optional.of(new UserAccounts.State(Set.of(Role.SUPERVISOR), true, false, 0)));
  }

  @Test
  @WithMockUser(username = "ada", roles = "AGENT")
  void theAgentsOwnCallRingsTheSupervisorInBargeModeAfterTheAuditEntry() throws Exception {
    conference(CALL.value(), "sun", "en")
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.supervisor").value("sun"));
    ArgumentCaptor<MonitorRequest> request = ArgumentCaptor.forClass(MonitorRequest.class);
    InOrder order = inOrder(audit, monitoring);
    order.verify(audit).callConferenced(any(), eq("call:" + CALL.value()), anyString());
    order.verify(monitoring).monitor(request.capture());
    assertThat(request.getValue().mode()).isEqualTo(MonitorMode.BARGE);
    assertThat(request.getValue().phone()).isEqualTo("supervisor-1");
    assertThat(request.getValue().callId()).isEqualTo("1733212345.42");
  }

  @Test
  @WithMockUser(username = "bo", roles = "AGENT")
  void anotherAgentsCallIsRefusedAsNotYours() throws Exception {
    conference(CALL.value(), "sun", "zh-CN")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.type").value("urn:cc:problem:call-not-yours"))
        .andExpect(jsonPath("$.detail").value("这不是您正在进行的通话（通话已结束或由其他坐席处理）。"));
    verify(monitoring, never()).monitor(any());
    verify(audit, never()).callConferenced(any(), any(), any());
  }

  @Test
  @WithMockUser(username = "ada", roles = "AGENT")
  void onlyAnEnabledSupervisorWithAPhoneCanBeBroughtIn() throws Exception {
    for (String notSupervisor : List.of("cy", "dee", "nobody")) {
      conference(CALL.value(), notSupervisor, "en")
          .andExpect(status().isUnprocessableEntity())
          .andExpect(jsonPath("$.type").value("urn:cc:problem:not-a-supervisor"));
    }
    conference(CALL.value(), "eve", "en")
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.type").value("urn:cc:problem:supervisor-no-phone"));
    conference(CALL.value(), " ", "en").andExpect(status().isBadRequest());
    conference("chat:abc", "sun", "en").andExpect(status().isBadRequest());
    verify(monitoring, never()).monitor(any());
  }

  @Test
  @WithMockUser(username = "ada", roles = "AGENT")
  void aSupervisorWithoutTheBargePermissionIsRefusedNamedInTheReadersLanguage() throws Exception {
    conference(CALL.value(), "fay", "en")
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.type").value("urn:cc:problem:supervisor-may-not-barge"))
        .andExpect(jsonPath("$.permission").value("MONITOR_BARGE"))
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "Supervisor fay may not join calls: an admin grants them the permission"
                        + " \"Barge in on calls\" on the users page."));
    conference(CALL.value(), "fay", "zh-CN")
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.detail").value("主管 fay 无权加入通话：请管理员在用户页面为其授予“强插通话”权限。"));
    verify(monitoring, never()).monitor(any());
    verify(audit, never()).callConferenced(any(), any(), any());
  }

  @Test
  @WithMockUser(username = "sun", roles = "SUPERVISOR")
  void onlyAgentsConference() throws Exception {
    conference(CALL.value(), "sun", "en").andExpect(status().isForbidden());
  }

  private ResultActions conference(String contact, String supervisor, String language)
      throws Exception {
    return mvc.perform(
        post("/agent/api/calls/" + contact + "/conference")
            .with(csrf())
            .header("Accept-Language", language)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"supervisor\":\"" + supervisor + "\"}"));
  }
}
