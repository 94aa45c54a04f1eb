package io.contactcenter.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.contactcenter.qa.QaReports;
import io.contactcenter.routing.AgentState;
import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactReports;
import io.contactcenter.routing.PresenceReports;
import io.contactcenter.routing.PresenceReports.StateTime;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The reports page and its API's formats, fast and without servers: the page is a shell page in
 * both languages for supervisors only; the CSV starts with a byte-order mark, has headers in the
 * reader's language and neutralizes formula-looking cells; agents' time has a column per not-ready
 * reason; a bad interval is a 400 in the reader's language. The figures themselves come from
 * routing's stored contacts (SupervisorReportsIT).
 */
@WebMvcTest({SupervisorPages.class, ReportsController.class})
@Import({WebConfiguration.class, SupervisorReports.class, SupervisionProperties.Enable.class})
class ReportsPagesTest {

  /** The real rules: SecurityConfiguration is package-private in another package. */
  @TestConfiguration
  @ComponentScan(
      basePackages = "io.contactcenter.app.security",
      useDefaultFilters = false,
      includeFilters =
          @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*\\.SecurityConfiguration"))
  static class Security {}

  @Autowired MockMvc mvc;
  @MockitoBean ContactReports contacts;
  @MockitoBean PresenceReports presence;
  @MockitoBean QaReports qa;
  @MockitoBean UserLanguages languages;

  @Test
  @WithMockUser(username = "sun", roles = "SUPERVISOR")
  void theReportsPageIsAShellPageInBothLanguages() throws Exception {
    for (String language : List.of("en", "zh-CN")) {
      String html =
          mvc.perform(get("/supervisor/reports").header("Accept-Language", language))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString(StandardCharsets.UTF_8);
      assertThat(html)
          .contains("<html lang=\"" + language + "\"")
          .doesNotContain("??")
          .doesNotContainPattern("<script(?![^>]*\\bsrc=)")
          .doesNotContain("id=\"coming-soon\"")
          .contains("id=\"report-queues\"");
    }
    assertThat(
            mvc.perform(get("/supervisor/reports").header("Accept-Language", "zh-CN"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
        .contains("报表")
        .contains("放弃率")
        .contains("最近 7 天");
  }

  @Test
  @WithMockUser(username = "ada", roles = "AGENT")
  void agentsMayNotOpenTheReports() throws Exception {
    mvc.perform(get("/supervisor/reports")).andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/supervisor/reports")).andExpect(status().isForbidden());
  }

  @Test
  @WithMockUser(username = "sun", roles = "SUPERVISOR")
  void theCsvOpensInExcelInTheReadersLanguageWithFormulasNeutralized() throws Exception {
    when(contacts.queues(any(), any()))
        .thenReturn(
            List.of(
                new ContactReports.QueueFigures(
                    "support",
                    ContactChannel.CHAT,
                    20,
                    4,
                    3,
                    2,
                    1,
                    1,
                    0,
                    1,
                    2,
                    12_345L,
                    60_000L,
                    40_000L)));
    when(contacts.agents(any(), any()))
        .thenReturn(
            List.of(
                new ContactReports.AgentFigures(
                    "=HYPERLINK(\"http://x\")",
                    ContactChannel.VOICE,
                    2,
                    1,
                    90_000,
                    90_000L,
                    1,
                    0)));

    byte[] queues =
        mvc.perform(
                get("/api/v1/supervisor/reports/queues.csv?period=last-7-days")
                    .header("Accept-Language", "zh-CN"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(new byte[] {queues[0], queues[1], queues[2]})
        .containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    String text = new String(queues, 3, queues.length - 3, StandardCharsets.UTF_8);
    assertThat(text.lines().toList())
        .containsExactly(
            "队列,渠道,进线量,接通量,放弃量,放弃率,回拨请求,转出至其他队列,从其他队列转入,平均应答速度（秒）,平均处理时长（秒）,服务水平阈值（秒）,服务水平,服务水平 2（SL2）,最长等待（秒）",
            "support,在线聊天,4,3,1,25.0%,0,1,2,12.3,60.0,20,66.7%,75.0%,40.0");

    String agents =
        mvc.perform(get("/api/v1/supervisor/reports/agents.csv").header("Accept-Language", "en"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(agents.lines().toList())
        .containsExactly(
            "\uFEFFAgent,Channel,Handled,Completed,Handle time (s),Average handle time (s),Transfers"
                + " out,Transfers in",
            "\"'=HYPERLINK(\"\"http://x\"\")\",Call,2,1,90.0,90.0,1,0");
  }

  @Test
  @WithMockUser(username = "sun", roles = "SUPERVISOR")
  void agentTimeSumsStatesPerAgentWithAColumnPerNotReadyReasonAndTheQaScore() throws Exception {
    when(presence.stateTimes(any(), any()))
        .thenReturn(
            List.of(
                new StateTime("ada", AgentState.NOT_READY, "break", 300_000),
                new StateTime("ada", AgentState.NOT_READY, "lunch", 1_800_000),
                new StateTime("ada", AgentState.ON_CONTACT, "", 3_000_000),
                new StateTime("ada", AgentState.READY, "", 1_000_000),
                new StateTime("ada", AgentState.WRAP_UP, "", 1_000_000),
                new StateTime("bo", AgentState.NOT_READY, "team, meeting", 60_000)));
    when(qa.scores(eq(QaReports.Grouping.AGENT), any()))
        .thenReturn(
            List.of(
                new QaReports.GroupScore("", 9, 0, 50, 0, 0, 0),
                new QaReports.GroupScore("ada", 4, 1, 82.5, 0, 0, 0),
                new QaReports.GroupScore("cy", 2, 0, 70, 0, 0, 0)));

    String en =
        mvc.perform(
                get("/api/v1/supervisor/reports/agent-time.csv?period=today")
                    .header("Accept-Language", "en"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    // Reasons by their total, longest first; conversations without an agent are left out.
    assertThat(en.lines().toList())
        .containsExactly(
            "\uFEFFAgent,Logged in (s),Ready (s),On contacts (s),After-call work (s),"
                + "Not ready (s),Occupancy,QA scored,QA average score,Not ready: lunch (s),"
                + "Not ready: break (s),\"Not ready: team, meeting (s)\"",
            "ada,7100.0,1000.0,3000.0,1000.0,2100.0,80.0%,4,82.5,1800.0,300.0,0.0",
            "bo,60.0,0.0,0.0,0.0,60.0,,0,,0.0,0.0,60.0",
            "cy,0.0,0.0,0.0,0.0,0.0,,2,70.0,0.0,0.0,0.0");
    String zh =
        mvc.perform(
                get("/api/v1/supervisor/reports/agent-time.csv?period=today")
                    .header("Accept-Language", "zh-CN"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(zh.lines().findFirst().orElseThrow())
        .startsWith("\uFEFF坐席,登录时长（秒）,就绪（秒）,处理联系（秒）,话后处理（秒）,未就绪（秒）,占用率")
        .endsWith("未就绪：lunch（秒）,未就绪：break（秒）,\"未就绪：team, meeting（秒）\"");

    String json =
        mvc.perform(get("/api/v1/supervisor/reports?period=today"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(json)
        .contains(
            "\"notReadyByReason\":[{\"reason\":\"lunch\",\"seconds\":1800.0},"
                + "{\"reason\":\"break\",\"seconds\":300.0}]")
        .contains("\"occupancy\":0.8");
  }

  @Test
  @WithMockUser(username = "sun", roles = "SUPERVISOR")
  void aBadIntervalIsA400NamingTheParameterInTheReadersLanguage() throws Exception {
    String zh =
        mvc.perform(
                get("/api/v1/supervisor/reports?from=2026-01-01&to=2026-12-31")
                    .header("Accept-Language", "zh-CN"))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(zh).contains("从“from”到“to”共 365 天，最多允许 92 天。");
  }

  @Test
  @WithMockUser(username = "sun", roles = "SUPERVISOR")
  void hourlyGivesEachHourOfTheDayInTheCentersZoneForOneQueue() throws Exception {
    when(contacts.queues(any(), any())).thenReturn(List.of());
    // 10:00 in Shanghai is 02:00 UTC.
    when(contacts.queues(
            eq(java.time.Instant.parse("2026-11-01T02:00:00Z")),
            eq(java.time.Instant.parse("2026-11-01T03:00:00Z"))))
        .thenReturn(
            List.of(
                new ContactReports.QueueFigures(
                    "support", ContactChannel.CHAT, 20, 4, 3, 2, 1, 1, 0, 0, 0, null, null, null),
                new ContactReports.QueueFigures(
                    "support", ContactChannel.VOICE, 20, 2, 1, 0, 1, 0, 0, 0, 0, null, null, null),
                new ContactReports.QueueFigures(
                    "sales", ContactChannel.VOICE, 20, 9, 9, 9, 0, 0, 0, 0, 0, null, null, null)));
    String body =
        mvc.perform(get("/api/v1/supervisor/reports/hourly?day=2026-11-01&queue=support"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    com.fasterxml.jackson.databind.JsonNode hourly =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
    assertThat(hourly.get("zone").asText()).isEqualTo("Asia/Shanghai");
    assertThat(hourly.get("hours")).hasSize(24);
    com.fasterxml.jackson.databind.JsonNode ten = hourly.get("hours").get(10);
    assertThat(ten.get("hour").asText()).isEqualTo("10:00");
    assertThat(ten.get("offered").asLong()).isEqualTo(6);
    assertThat(ten.get("answered").asLong()).isEqualTo(4);
    assertThat(ten.get("abandoned").asLong()).isEqualTo(2);
    assertThat(hourly.get("hours").get(9).get("offered").asLong()).isZero();

    String bad =
        mvc.perform(get("/api/v1/supervisor/reports/hourly?day=yesterday"))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(bad).contains("'day'");
  }
}
