package io.contactcenter.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
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
import io.contactcenter.pbx.Softphones;
import io.contactcenter.routing.AgentDirectory;
import io.contactcenter.routing.AgentSettings;
import io.contactcenter.routing.ContactId;
import java.time.Instant;
import java.util.EnumSet;
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
 * Listen, whisper and barge are separate permissions: a supervisor uses only the modes granted, a
 * refused mode is a 403 naming the mode in the reader's language, and nothing rings and nothing is
 * audited for it; a granted mode is audited before the phone rings. Audio is proven on the real
 * Asterisk (CallMonitorIT).
 */
@WebMvcTest(CallMonitorController.class)
@Import({WebConfiguration.class, SupervisionProperties.Enable.class})
class CallMonitorPermissionTest {

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
  @MockitoBean Wallboard wallboard;
  @MockitoBean UserAccounts accounts;
  @MockitoBean AgentDirectory directory;
  @MockitoBean CallMonitoring monitoring;
  @MockitoBean AuditLog audit;
  @MockitoBean UserLanguages languages;
  @MockitoBean Softphones softphones;

  @BeforeEach
  void adaIsOnACallAndSunHasAPhone() {
    when(wallboard.call(CALL))
        .thenReturn(
            Optional.of(new Wallboard.LiveCall(CALL, "ada", "support", "", Instant.EPOCH, 5L)));
    when(directory.find("sun"))
        .thenReturn(Optional.of(new AgentSettings("sun", Map.of(), 0, 0, 0, "supervisor-1")));
  }

  @Test
  @WithMockUser(
      username = "sun",
      authorities = {"ROLE_SUPERVISOR", "PERM_MONITOR_LISTEN"})
  void aSupervisorWhoMayOnlyListenListensAfterTheAuditEntry() throws Exception {
    monitor("LISTEN", "en")
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.mode").value("LISTEN"))
        .andExpect(jsonPath("$.agentId").value("ada"));
    ArgumentCaptor<MonitorRequest> request = ArgumentCaptor.forClass(MonitorRequest.class);
    InOrder order = inOrder(audit, monitoring);
    order.verify(audit).callMonitored(any(), eq("call:" + CALL.value()), anyString());
    order.verify(monitoring).monitor(request.capture());
    assertThat(request.getValue().mode()).isEqualTo(MonitorMode.LISTEN);
  }

  @Test
  @WithMockUser(
      username = "sun",
      authorities = {"ROLE_SUPERVISOR", "PERM_MONITOR_LISTEN"})
  void bargingAndWhisperingWithoutThePermissionAreRefusedNamingTheMode() throws Exception {
    monitor("BARGE", "en")
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.type").value("urn:cc:problem:monitor-mode-not-permitted"))
        .andExpect(jsonPath("$.mode").value("BARGE"))
        .andExpect(jsonPath("$.permission").value("MONITOR_BARGE"))
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "You may not barge in on calls: an admin grants the permission \"Barge in on"
                        + " calls\" on the users page."));
    monitor("WHISPER", "zh-CN")
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.mode").value("WHISPER"))
        .andExpect(jsonPath("$.detail").value("您无权向坐席耳语：请管理员在用户页面授予“向坐席耳语”权限。"));
    verify(monitoring, never()).monitor(any());
    verify(audit, never()).callMonitored(any(), any(), any());
  }

  @Test
  @WithMockUser(
      username = "kim",
      authorities = {"ROLE_SUPERVISOR", "PERM_MONITOR_LISTEN"})
  void aSupervisorWithoutADeskPhoneListensInTheBrowserAndAnUnknownDeviceIsNamed() throws Exception {
    when(directory.find("kim")).thenReturn(Optional.empty());
    when(softphones.endpointOf("kim")).thenReturn("cc-kim");
    // No desk phone: the routing profile's phone cannot ring, and the problem says so.
    monitor("LISTEN", "en")
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.type").value("urn:cc:problem:no-monitor-phone"));
    verify(monitoring, never()).monitor(any());

    monitor("{\"mode\":\"LISTEN\",\"device\":\"BROWSER\"}")
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.phone").value("cc-kim"));
    ArgumentCaptor<MonitorRequest> request = ArgumentCaptor.forClass(MonitorRequest.class);
    verify(monitoring).monitor(request.capture());
    // The signed-in supervisor's own browser endpoint, never one the request names.
    assertThat(request.getValue().phone()).isEqualTo("cc-kim");

    monitor("{\"mode\":\"LISTEN\",\"device\":\"SIP/+8613800138000\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("device")));
    verify(monitoring, times(1)).monitor(any());
  }

  @Test
  @WithMockUser(
      username = "sun",
      authorities = {"PERM_MONITOR_LISTEN", "PERM_MONITOR_WHISPER", "PERM_MONITOR_BARGE"})
  void thePermissionsAloneAreNotEnoughWithoutTheSupervisorRole() throws Exception {
    monitor("LISTEN", "en").andExpect(status().isForbidden());
    verify(monitoring, never()).monitor(any());
  }

  @Test
  void aNewSupervisorMayUseEveryModeOtherRolesNone() {
    assertThat(Permission.defaultsOf(Set.of(Role.SUPERVISOR)))
        .isEqualTo(EnumSet.allOf(Permission.class));
    assertThat(Permission.defaultsOf(Set.of(Role.AGENT, Role.ADMIN, Role.QA, Role.OPS))).isEmpty();
    for (MonitorMode mode : MonitorMode.values()) {
      assertThat(CallMonitorController.permission(mode).name()).endsWith(mode.name());
    }
    assertThat(new UserAccounts.State(Set.of(Role.SUPERVISOR), true, false, 0).authorities())
        .extracting(a -> a.getAuthority())
        .containsExactlyInAnyOrder(
            "ROLE_SUPERVISOR", "PERM_MONITOR_LISTEN", "PERM_MONITOR_WHISPER", "PERM_MONITOR_BARGE");
  }

  private ResultActions monitor(String body) throws Exception {
    return mvc.perform(
        post("/api/v1/supervisor/calls/" + CALL.value() + "/monitor")
            .with(csrf())
            .header("Accept-Language", "en")
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  private ResultActions monitor(String mode, String language) throws Exception {
    return mvc.perform(
        post("/api/v1/supervisor/calls/" + CALL.value() + "/monitor")
            .with(csrf())
            .header("Accept-Language", language)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"mode\":\"" + mode + "\"}"));
  }
}
