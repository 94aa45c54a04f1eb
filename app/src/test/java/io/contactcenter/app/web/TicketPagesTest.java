package io.contactcenter.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.contactcenter.tickets.TicketDesk;
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
 * The ticket pages are shell pages in both languages, for agents, supervisors and admins (the field
 * definitions for admins only), with no inline script or style; the data comes from the API
 * (TicketsIT, TicketWorkIT and TicketDeskIT prove that).
 */
@WebMvcTest(TicketPages.class)
@Import(WebConfiguration.class)
class TicketPagesTest {

  /** The real rules: SecurityConfiguration is package-private in another package. */
  @TestConfiguration
  @ComponentScan(
      basePackages = "io.contactcenter.app.security",
      useDefaultFilters = false,
      includeFilters =
          @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*\\.SecurityConfiguration"))
  static class Security {}

  @Autowired MockMvc mvc;
  @MockitoBean UserLanguages languages;
  @MockitoBean TicketDesk desk;

  @Test
  @WithMockUser(username = "ada", roles = "AGENT")
  void myTicketsAndATicketInBothLanguages() throws Exception {
    for (String language : List.of("en", "zh-CN")) {
      for (String path : List.of("/agent/tickets", "/agent/tickets/T-1")) {
        String html = page(path, language);
        assertThat(html)
            .as(path)
            .contains("<html lang=\"" + language + "\"")
            .doesNotContain("??")
            .doesNotContainPattern("<script(?![^>]*\\bsrc=)")
            .doesNotContainPattern("\\sstyle=\"")
            .doesNotContain("id=\"coming-soon\"");
      }
    }
    assertThat(page("/agent/tickets", "zh-CN"))
        .contains("我的工单")
        .contains("优先级")
        .contains("保存为视图")
        .contains("即将超时");
    assertThat(page("/agent/tickets", "en")).contains("Save as view").contains("Breaching soon");
    assertThat(page("/agent/tickets/T-1", "zh-CN")).contains("自定义字段").contains("创建子工单");
    assertThat(page("/agent/tickets/T-1", "en"))
        .contains("Custom fields")
        .contains("Open child ticket");
    assertThat(page("/agent/tickets/T-1", "zh-CN"))
        .contains("回复客户")
        .contains("添加内部备注")
        .contains("等待客户")
        .contains("添加照片")
        .contains("data-ticket=\"T-1\"");
    assertThat(page("/agent/tickets/T-1", "en"))
        .contains("SLA clocks")
        .contains("Pending customer")
        .contains("Photo (JPEG or PNG)");
  }

  @Test
  @WithMockUser(username = "ada", roles = "AGENT")
  void agentsOpenTicketsWithFieldsButDoNotReassignOnThePage() throws Exception {
    assertThat(page("/agent/tickets", "zh-CN"))
        .contains("新建工单")
        .contains("客户电话")
        .contains("id=\"new-ticket-form\"")
        .contains("显示更多")
        .doesNotContain("id=\"view-my-groups\"");
    assertThat(page("/agent/tickets", "en")).contains("Open a ticket").contains("Show more");
    assertThat(page("/agent/tickets/T-1", "en")).doesNotContain("id=\"assign-form\"");
    mvc.perform(get("/admin/ticket-fields")).andExpect(status().isForbidden());
  }

  @Test
  @WithMockUser(username = "sam", roles = "SUPERVISOR")
  void supervisorsSeeTheirGroupsAndReassign() throws Exception {
    when(desk.groupsSupervisedBy("sam")).thenReturn(List.of("returns", "warehouse"));
    for (String language : List.of("en", "zh-CN")) {
      assertThat(page("/agent/tickets", language))
          .contains("id=\"view-my-groups\"")
          .contains("id=\"f-my-groups\"")
          .contains("returns, warehouse")
          .doesNotContain("??");
      assertThat(page("/agent/tickets/T-1", language))
          .contains("id=\"assign-form\"")
          .doesNotContain("??");
    }
    assertThat(page("/agent/tickets", "zh-CN")).contains("我负责的组的未完成工单");
    assertThat(page("/agent/tickets/T-1", "zh-CN")).contains("退回到组");
    mvc.perform(get("/admin/ticket-fields")).andExpect(status().isForbidden());
  }

  @Test
  @WithMockUser(username = "root", roles = "ADMIN")
  void adminsDefineFieldsOnAShellPageInBothLanguages() throws Exception {
    for (String language : List.of("en", "zh-CN")) {
      assertThat(page("/admin/ticket-fields", language))
          .contains("<html lang=\"" + language + "\"")
          .contains("/js/ticket-fields.js")
          .doesNotContain("??")
          .doesNotContainPattern("<script(?![^>]*\\bsrc=)")
          .doesNotContainPattern("\\sstyle=\"");
    }
    assertThat(page("/admin/ticket-fields", "zh-CN"))
        .contains("工单字段")
        .contains("解决前必填")
        .contains("退款");
    assertThat(page("/admin/ticket-fields", "en"))
        .contains("Ticket fields")
        .contains("Required to solve")
        .contains("Refund");
    assertThat(page("/agent/tickets", "en")).contains("Open a ticket");
  }

  @Test
  @WithMockUser(username = "olivia", roles = "OPS")
  void otherRolesMayNotOpenThem() throws Exception {
    mvc.perform(get("/agent/tickets")).andExpect(status().isForbidden());
    mvc.perform(get("/admin/ticket-fields")).andExpect(status().isForbidden());
  }

  private String page(String path, String language) throws Exception {
    return mvc.perform(get(path).header("Accept-Language", language))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
