package io.contactcenter.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.contactcenter.campaigns.Campaign;
import io.contactcenter.campaigns.CampaignAttempt;
import io.contactcenter.campaigns.CampaignProgress;
import io.contactcenter.campaigns.CampaignState;
import io.contactcenter.campaigns.Campaigns;
import io.contactcenter.common.CampaignType;
import io.contactcenter.outboundrobot.RobotCalls;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The pages rendered inside the shell, fast and without servers: every page has the layout (one h1,
 * skip link, main landmark), its texts resolved in the requested language with no missing key,
 * navigation for the user's role only, and no phone number on the home page.
 */
@WebMvcTest({PageController.class, AccountPages.class})
@Import(WebConfiguration.class)
class ShellPagesTest {

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

  @Test
  void theSignInPageFollowsAcceptLanguage() throws Exception {
    String zh = page("/login", "zh-CN,zh;q=0.9");
    assertShell(zh, "zh-CN");
    assertThat(zh).contains("登录").contains("用户名");
    String en = page("/login", "en-US");
    assertShell(en, "en");
    assertThat(en).contains("Sign in").contains("Username");
  }

  @Test
  @WithMockUser(username = "olivia", roles = "OPS")
  void opsSeeTheirCampaignsUnderWayAndOnlyTheirNavigation() throws Exception {
    Campaign running =
        new Campaign(
            "cmp-1",
            "Double 11 balance",
            CampaignType.BALANCE,
            "balance-reminder",
            1,
            "zh",
            CampaignState.RUNNING,
            "MON-SUN 09:00-21:00",
            List.of(),
            5,
            1.0,
            3,
            null,
            Map.of(),
            "olivia",
            Instant.now(),
            "CNY");
    when(campaigns.list()).thenReturn(List.of(running));
    when(campaigns.progress("cmp-1"))
        .thenReturn(
            new CampaignProgress(
                "cmp-1",
                CampaignState.RUNNING,
                1200,
                700,
                3,
                1,
                497,
                0,
                520,
                480,
                Map.of(),
                Map.of(),
                0,
                650,
                40,
                null,
                null));
    Instant now = Instant.now();
    when(campaigns.attempts("cmp-1", null, null, 1000))
        .thenReturn(
            List.of(
                new CampaignAttempt(
                    "att-2",
                    2,
                    "+86139****9002",
                    "B",
                    1,
                    "FINISHED",
                    "ANSWERED",
                    "agreed",
                    null,
                    now,
                    now),
                new CampaignAttempt(
                    "att-1", 1, "+86139****9001", "A", 1, "FINISHED", "BUSY", null, null, now, now),
                new CampaignAttempt(
                    "att-0",
                    0,
                    "+86139****9000",
                    "C",
                    1,
                    "FINISHED",
                    "ANSWERED",
                    "agreed",
                    null,
                    now.minus(java.time.Duration.ofDays(2)),
                    now.minus(java.time.Duration.ofDays(2)))));
    for (String language : List.of("en", "zh-CN")) {
      String home = page("/", language);
      // Today's calls and answers of the campaign under way: two and one.
      assertThat(home).containsPattern("(?s)<td class=\"num\">2</td>\\s*<td class=\"num\">1</td>");
      assertShell(home, language);
      assertThat(hrefsOfNavigation(home)).containsExactly("/campaigns", "/robot/calls");
      assertThat(home).contains("Double 11 balance").contains("1,200").contains("olivia");
      assertThat(home).doesNotContain("id=\"home-health\"").doesNotContain("id=\"home-agent\"");
      assertThat(home).doesNotContainPattern("\\+?86\\d{6,}");
    }
    assertShell(page("/campaigns", "zh-CN"), "zh-CN");
    assertShell(page("/campaigns/cmp-1", "zh-CN"), "zh-CN");
    assertShell(page("/robot/calls", "zh-CN"), "zh-CN");
    assertShell(page("/robot/calls/att-1", "en"), "en");
  }

  @Test
  @WithMockUser(username = "ada", roles = "AGENT")
  void agentsSeeTheirDeskAndComingSoonPages() throws Exception {
    String home = page("/", "zh-CN");
    assertShell(home, "zh-CN");
    assertThat(hrefsOfNavigation(home))
        .containsExactly("/agent/workspace", "/agent/tickets", "/agent/qa-scores");
    assertThat(home).contains("id=\"home-agent\"").doesNotContain("id=\"home-ops\"");
    String workspace = page("/agent/workspace", "zh-CN");
    assertShell(workspace, "zh-CN");
    assertThat(workspace)
        .contains("坐席工作台")
        .contains("id=\"phone-status\"")
        .contains("/vendor/jssip.min.js")
        .doesNotContain("id=\"coming-soon\"");
    mvc.perform(get("/campaigns").header("Accept-Language", "en"))
        .andExpect(status().isForbidden());
    mvc.perform(get("/admin/users")).andExpect(status().isForbidden());
  }

  @Test
  @WithMockUser(username = "root", roles = "ADMIN")
  void onlyAdminsSeeTheInfrastructure() throws Exception {
    when(campaigns.list()).thenReturn(List.of());
    when(health.health())
        .thenReturn(org.springframework.boot.actuate.health.Health.status(Status.UP).build());
    String home = page("/", "en");
    assertShell(home, "en");
    assertThat(home).contains("id=\"home-health\"").contains("Up");
    assertThat(hrefsOfNavigation(home))
        .contains("/admin/users", "/admin/audit", "/campaigns", "/agent/tickets")
        .contains("/admin/ticket-fields")
        .hasSize(16);
  }

  @Test
  @WithMockUser(username = "root", roles = "ADMIN")
  void theAccountPagesAreShellPagesInBothLanguagesWithoutInlineScriptOrStyle() throws Exception {
    for (String language : List.of("en", "zh-CN")) {
      for (String path : List.of("/admin/users", "/admin/audit", "/account/password")) {
        String html = page(path, language);
        assertShell(html, language);
        assertThat(html)
            .as(path)
            .doesNotContainPattern("<script(?![^>]*\\bsrc=)")
            .doesNotContainPattern("\\sstyle=\"")
            .doesNotContain("<style")
            .contains("id=\"password-link\"");
      }
    }
    // Roles are offered by their names in the page's language.
    assertThat(page("/admin/users", "zh-CN")).contains("用户列表").contains("质检员");
    assertThat(page("/admin/audit", "zh-CN")).contains("审计日志");
    assertThat(page("/account/password", "en")).contains("Personal access tokens");
  }

  @Test
  @WithMockUser(username = "quinn", roles = "QA")
  void theQaAppealsAndRulesPagesRenderInBothLanguages() throws Exception {
    String zh = page("/qa/rules", "zh-CN");
    assertShell(zh, "zh-CN");
    assertThat(zh).contains("组合规则").contains("投诉或不满").contains("聊天机器人");
    String en = page("/qa/rules", "en");
    assertShell(en, "en");
    assertThat(en).contains("value=\"COMBINED\"").contains("Hold time");
    assertShell(page("/qa/appeals", "zh-CN"), "zh-CN");
    assertThat(page("/qa/appeals", "en"))
        .contains("Target: decided within the hours QA set (48 by default).");
  }

  @Test
  @WithMockUser(username = "alice", roles = "AGENT")
  void theAgentsQaScoresPageRendersInBothLanguages() throws Exception {
    String zh = page("/agent/qa-scores", "zh-CN");
    assertShell(zh, "zh-CN");
    assertThat(zh).contains("我的申诉").doesNotContain("id=\"coming-soon\"");
    assertShell(page("/agent/qa-scores", "en"), "en");
  }

  private String page(String path, String language) throws Exception {
    return mvc.perform(get(path).header("Accept-Language", language))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private static void assertShell(String html, String language) {
    assertThat(html).contains("<html lang=\"" + language + "\"");
    assertThat(html).doesNotContain("??");
    assertThat(count(html, "<h1")).isEqualTo(1);
    assertThat(html).contains("class=\"skip-link\" href=\"#main\"").contains("<main id=\"main\"");
  }

  private static List<String> hrefsOfNavigation(String html) {
    int nav = html.indexOf("<nav");
    if (nav < 0) {
      return List.of();
    }
    String inside = html.substring(nav, html.indexOf("</nav>", nav));
    Matcher m = Pattern.compile("href=\"([^\"]+)\"").matcher(inside);
    List<String> hrefs = new java.util.ArrayList<>();
    while (m.find()) {
      hrefs.add(m.group(1));
    }
    return hrefs;
  }

  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }
}
