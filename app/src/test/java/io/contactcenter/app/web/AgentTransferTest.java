package io.contactcenter.app.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.contactcenter.app.security.AuditLog;
import io.contactcenter.app.security.UserAccounts;
import io.contactcenter.routing.AgentDesk;
import io.contactcenter.routing.AgentState;
import io.contactcenter.routing.AgentStatus;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.ContactNotOfferedException;
import io.contactcenter.routing.ContactRouting;
import io.contactcenter.routing.QueueAdmin;
import io.contactcenter.routing.QueueSettings;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * The rules of a transfer to a queue, fast and without Asterisk: only a call, only to a queue that
 * exists, is open and has someone logged in (else the caller stays, with the reason in the reader's
 * language), and audited once routing has done it. The call itself is proven on the real Asterisk
 * (QueueTransferIT).
 */
@WebMvcTest(AgentTransferController.class)
@Import(WebConfiguration.class)
class AgentTransferTest {

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
  @MockitoBean ContactRouting routing;
  @MockitoBean QueueAdmin queues;
  @MockitoBean AuditLog audit;
  @MockitoBean UserAccounts accounts;
  @MockitoBean UserLanguages languages;

  @BeforeEach
  void supportIsStaffedOrdersHasNobodyNightIsClosed() {
    when(queues.queues()).thenReturn(List.of(queue("support"), queue("orders"), queue("night")));
    when(routing.isOpen(anyString())).thenReturn(true);
    when(routing.isOpen("night")).thenReturn(false);
    when(routing.anyAgentLoggedInFor(anyString())).thenReturn(true);
    when(routing.anyAgentLoggedInFor("orders")).thenReturn(false);
    when(desk.transferToQueue("ada", CALL, "support"))
        .thenReturn(new AgentStatus("ada", AgentState.WRAP_UP, "", null, List.of(), List.of()));
  }

  private static QueueSettings queue(String id) {
    return new QueueSettings(id, id, 0, "LONGEST_IDLE", 20, List.of(), null);
  }

  @Test
  @WithMockUser(username = "ada", roles = "AGENT")
  void theCallGoesToTheQueueAndTheTransferIsAuditedAfterRoutingDidIt() throws Exception {
    transfer(CALL.value(), "support", "en")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.state").value("WRAP_UP"));
    InOrder order = inOrder(desk, audit);
    order.verify(desk).transferToQueue("ada", CALL, "support");
    order.verify(audit).callTransferred(any(), eq("call:" + CALL.value()), eq("to queue support"));
  }

  @Test
  @WithMockUser(username = "ada", roles = "AGENT")
  void aQueueThatCannotTakeTheCallerNowIsRefusedWithTheReason() throws Exception {
    transfer(CALL.value(), "orders", "zh-CN")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.type").value("urn:cc:problem:transfer-queue-unavailable"))
        .andExpect(jsonPath("$.reason").value("no-agents"))
        .andExpect(jsonPath("$.detail").value("队列 orders 没有已登录的坐席：来电仍由您处理。"));
    transfer(CALL.value(), "night", "en")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("closed"))
        .andExpect(
            jsonPath("$.detail").value("Queue night is closed now: the caller stays with you."));
    transfer(CALL.value(), "nowhere", "en")
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.type").value("urn:cc:problem:unknown-queue"));
    transfer(CALL.value(), " ", "en").andExpect(status().isBadRequest());
    transfer("chat:abc", "support", "en").andExpect(status().isBadRequest());
    verify(desk, never()).transferToQueue(anyString(), any(), anyString());
    verify(audit, never()).callTransferred(any(), any(), any());
  }

  @Test
  @WithMockUser(username = "bo", roles = "AGENT")
  void aCallThatIsNotTheAgentsIsRefusedAndNotAudited() throws Exception {
    when(desk.transferToQueue("bo", CALL, "support"))
        .thenThrow(new ContactNotOfferedException("agent bo has no open call " + CALL));
    transfer(CALL.value(), "support", "en")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.type").value("urn:cc:problem:call-not-yours"));
    verify(audit, never()).callTransferred(any(), any(), any());
  }

  @Test
  @WithMockUser(username = "ada", roles = "AGENT")
  void thePageListsTheQueuesWithWhetherEachTakesACallNow() throws Exception {
    mvc.perform(get("/agent/api/transfer-queues"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].id").value("night"))
        .andExpect(jsonPath("$[0].open").value(false))
        .andExpect(jsonPath("$[1].id").value("orders"))
        .andExpect(jsonPath("$[1].staffed").value(false))
        .andExpect(jsonPath("$[2].id").value("support"))
        .andExpect(jsonPath("$[2].open").value(true));
  }

  @Test
  @WithMockUser(username = "sun", roles = "SUPERVISOR")
  void onlyAgentsTransfer() throws Exception {
    transfer(CALL.value(), "support", "en").andExpect(status().isForbidden());
  }

  private ResultActions transfer(String contact, String queue, String language) throws Exception {
    return mvc.perform(
        post("/agent/api/calls/" + contact + "/transfer-to-queue")
            .with(csrf())
            .header("Accept-Language", language)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"queue\":\"" + queue + "\"}"));
  }
}
