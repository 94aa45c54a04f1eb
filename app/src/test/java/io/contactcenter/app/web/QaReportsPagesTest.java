package io.contactcenter.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.contactcenter.campaigns.Campaigns;
import io.contactcenter.outboundrobot.RobotCalls;
import io.contactcenter.qa.Calibrations;
import io.contactcenter.qa.QaReports;
import io.contactcenter.qa.QaSampling;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The QA reports and calibration pages in the shell (both languages, by role) and the CSV export's
 * bytes, without servers; the figures themselves come from PostgreSQL in QaReportsIT.
 */
@WebMvcTest({PageController.class, QaReportsController.class})
@Import(WebConfiguration.class)
class QaReportsPagesTest {

  /** The real rules: SecurityConfiguration is package-private in another package. */
  @TestConfiguration
  @ComponentScan(
      basePackages = "io.contactcenter.app.security",
      useDefaultFilters = false,
      includeFilters =
          @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*\\.SecurityConfiguration"))
  static class Security {}

  @Autowired MockMvc mvc;
  @MockitoBean Campaigns campaigns;
  @MockitoBean RobotCalls robotCalls;
  @MockitoBean HealthEndpoint health;
  @MockitoBean UserLanguages languages;
  @MockitoBean QaReports reports;
  @MockitoBean Calibrations calibrations;
  @MockitoBean QaSampling sampling;

  @Test
  @WithMockUser(username = "sam", roles = "SUPERVISOR")
  void supervisorsReadTheReportsInChineseWithoutTheTeamsForm() throws Exception {
    String zh = page("/qa/reports", "zh-CN");
    assertThat(zh).contains("<html lang=\"zh-CN\"").contains("质检报表").doesNotContain("??");
    assertThat(zh).contains("id=\"scores\"").doesNotContain("id=\"team-form\"");
    assertThat(zh).doesNotContain("id=\"sampling-form\"");
    assertThat(zh.split("<h1", -1)).hasSize(2);
    mvc.perform(get("/qa/calibrations")).andExpect(status().isForbidden());
  }

  @Test
  @WithMockUser(username = "quinn", roles = "QA")
  void qaStaffEditTeamsAndCalibrateInEnglish() throws Exception {
    String en = page("/qa/reports", "en");
    assertThat(en).contains("QA reports").contains("id=\"team-form\"").doesNotContain("??");
    assertThat(en).contains("id=\"team-from\"", "Member from", "id=\"sampling-form\"");
    assertThat(page("/qa/reports", "zh-CN")).contains("加入日期").doesNotContain("??");
    String calibration = page("/qa/calibrations", "en");
    assertThat(calibration).contains("Start a calibration").doesNotContain("??");
    String zh = page("/qa/calibrations", "zh-CN");
    assertThat(zh).contains("发起校准").doesNotContain("??");
  }

  @Test
  @WithMockUser(username = "ada", roles = "AGENT")
  void agentsHaveNoReports() throws Exception {
    mvc.perform(get("/qa/reports")).andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/qa/reports/scores")).andExpect(status().isForbidden());
  }

  @Test
  @WithMockUser(username = "sam", roles = "SUPERVISOR")
  void theCsvHasAByteOrderMarkAndFormulaSafeCells() throws Exception {
    when(reports.scores(eq(QaReports.Grouping.TEAM), any()))
        .thenReturn(
            List.of(
                new QaReports.GroupScore("质检一组", 3, 1, 63.3, 1, 1, 1),
                new QaReports.GroupScore("=HYPERLINK(\"x\")", 1, 0, 20.0, 1, 0, 0)));
    byte[] body =
        mvc.perform(
                get("/api/v1/qa/reports/scores.csv")
                    .param("by", "team")
                    .param("from", "2026-11-01T00:00:00Z")
                    .param("to", "2026-11-29T00:00:00Z")
                    .param("channel", "chat"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(body).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
    assertThat(text.split("\r\n"))
        .containsExactly(
            "team,conversations,reviewed,mean_score,auto_failed,appeals_opened,appeals_upheld,"
                + "from,to,channel",
            "质检一组,3,1,63.3,1,1,1,2026-11-01T00:00:00Z,2026-11-29T00:00:00Z,CHAT",
            "\"'=HYPERLINK(\"\"x\"\")\",1,0,20.0,1,0,0,2026-11-01T00:00:00Z,2026-11-29T00:00:00Z,"
                + "CHAT");
  }

  @Test
  @WithMockUser(username = "sam", roles = "SUPERVISOR")
  void aBadFilterIsRefusedNamingIt() throws Exception {
    String channel =
        mvc.perform(get("/api/v1/qa/reports/scores").param("channel", "fax"))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(channel).contains("channel must be call or chat");
    String by =
        mvc.perform(get("/api/v1/qa/reports/scores").param("by", "site"))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(by).contains("by must be agent or team");
  }

  private String page(String path, String language) throws Exception {
    return mvc.perform(get(path).header("Accept-Language", language))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }
}
