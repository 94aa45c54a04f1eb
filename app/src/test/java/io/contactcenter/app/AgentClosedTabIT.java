package io.contactcenter.app;

import static io.contactcenter.app.AgentPages.attribute;
import static io.contactcenter.app.AgentPages.call;
import static io.contactcenter.app.AgentPages.channelOf;
import static io.contactcenter.app.AgentPages.closeTabForGood;
import static io.contactcenter.app.AgentPages.hangUpChannelOf;
import static io.contactcenter.app.AgentPages.remotePeak;
import static io.contactcenter.app.AgentPages.shown;
import static io.contactcenter.app.AgentPages.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.contactcenter.pbx.Softphones;
import io.contactcenter.routing.AgentDesk;
import io.contactcenter.routing.AgentDirectory;
import io.contactcenter.routing.AgentState;
import io.contactcenter.routing.AgentStatus;
import io.contactcenter.routing.ConsultRefusedException;
import io.contactcenter.routing.ContactAccepted;
import io.contactcenter.routing.ContactCompleted;
import io.contactcenter.routing.ContactHandedBack;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.ContactRouting;
import io.contactcenter.routing.ContactTransferred;
import io.contactcenter.routing.QueueServiceLevel;
import io.contactcenter.routing.WaitingContact;
import io.contactcenter.testinfra.CapturedEvents;
import io.contactcenter.testinfra.Chromium;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.LocalAsterisk;
import io.contactcenter.testinfra.Sipp;
import io.contactcenter.testinfra.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An agent's page closed mid-call, with real parts (issue 12, ADR 0052 and ADR 0054): headless
 * Chromium pages as agents, SIPp callers of the ACD through the real Asterisk. A closed tab is seen
 * only as the end of its silent leg after Asterisk's {@code rtp_timeout} (15 s, the time a reload
 * has), so each test waits that long once or twice. The caller is never hung up: they go back to
 * the queue at their place, or, when the page closed while its agent consulted a colleague who was
 * already on the line, they stay with that colleague.
 */
@ContactCenterIT
class AgentClosedTabIT {

  private static final String PASSWORD = "agent-closed-tab-test-password";

  @RegisterExtension
  Chromium chromium =
      new Chromium(
          List.of(
              "--use-fake-ui-for-media-stream",
              "--use-fake-device-for-media-stream",
              "--allow-loopback-in-peer-connection"));

  /** A second agent's browser: the colleague who takes the call or is consulted. */
  @RegisterExtension
  Chromium colleague =
      new Chromium(
          List.of(
              "--use-fake-ui-for-media-stream",
              "--use-fake-device-for-media-stream",
              "--allow-loopback-in-peer-connection"));

  @LocalServerPort int port;
  @Autowired Softphones softphones;
  @Autowired JdbcClient jdbc;
  @Autowired AgentDesk desk;
  @Autowired ContactRouting routing;
  @Autowired AgentDirectory agents;
  @Autowired CapturedEvents events;

  AgentPages pages;

  @BeforeEach
  void pages() {
    pages = new AgentPages(port, PASSWORD, softphones, agents, desk);
  }

  /**
   * The agent closes the tab mid-call and does not come back (ADR 0052): once Asterisk has ended
   * the silent leg (rtp_timeout, the time a reload has) the caller is not hung up but hears why and
   * goes back to the queue at the front, ahead of a caller who came later; the agent is not ready
   * ("connection lost"); a colleague's page is offered the call first and talks with the caller;
   * the agent's next page says the call was handed back.
   */
  @Test
  void aCallerWhoseAgentClosedTheTabGoesBackToTheFrontAndAColleagueTakesThem() throws Exception {
    LocalAsterisk asterisk = TestInfrastructure.asterisk();
    String agent = pages.routedAgent();
    String second = pages.routedAgent();
    CompletableFuture<Sipp.Result> later = null;
    try {
      long answeredBefore = answeredInSupport();
      WebDriver browser = chromium.driver();
      AgentPages.Answered answered = pages.answerAnAcdCaller(browser, agent);
      ContactId contact = answered.contact();
      // A caller who comes later waits (the agent is busy), then hangs up by itself.
      // Its own thread: the common pool has a single worker on a 2-core machine, busy with the
      // first caller's SIPp.
      later =
          CompletableFuture.supplyAsync(
              () ->
                  Sipp.scenario("acd-caller.xml")
                      .service("4200")
                      .pause(Duration.ofSeconds(50))
                      .timeout(Duration.ofSeconds(90))
                      .callAsterisk(asterisk.ports().sip()),
              task -> Thread.ofVirtual().start(task));
      ContactId waiting =
          call()
              .until(
                  () ->
                      routing.waiting().stream()
                          .map(WaitingContact::id)
                          .filter(id -> !id.equals(contact))
                          .findFirst(),
                  Optional::isPresent)
              .get();

      // The tab is closed for good (another tab stays open so the browser does not quit).
      closeTabForGood(browser);

      // After the 15 s Asterisk gives a reload, routing has the call back, ahead of the later one.
      awaitHandedBack(contact, agent);
      assertThat(
              routing.waiting().stream()
                  .map(WaitingContact::id)
                  .filter(id -> id.equals(contact) || id.equals(waiting)))
          .containsExactly(contact, waiting);
      AgentStatus lost = desk.status(agent);
      assertThat(lost.state()).isEqualTo(AgentState.NOT_READY);
      assertThat(lost.reason()).isEqualTo(ContactRouting.CONNECTION_LOST);
      assertThat(lost.open()).isEmpty();
      assertThat(answered.caller()).isNotDone();
      assertThat(completed(contact)).isEmpty();

      // A colleague is offered the caller first and hears them on the same call.
      WebDriver colleaguePage = colleague.driver();
      pages.users().signIn(colleaguePage, second);
      colleaguePage.get(pages.url("/agent"));
      call()
          .until(() -> "registered".equals(attribute(colleaguePage, "phone-status", "data-state")));
      colleaguePage.findElement(By.id("presence-ready")).click();
      call().until(() -> colleaguePage.findElement(By.id("incoming")).isDisplayed());
      colleaguePage.findElement(By.id("call-accept")).click();
      call().until(() -> "talking".equals(attribute(colleaguePage, "in-call", "data-state")));
      assertThat(desk.status(second).open())
          .extracting(AgentStatus.OfferedContact::id)
          .containsExactly(contact);
      call().untilAsserted(() -> assertThat(remotePeak(colleaguePage)).isGreaterThan(0.05));
      assertThat(answered.caller()).isNotDone();
      // Answered by two agents in turn, it is one contact answered in the queue (ADR 0054).
      assertThat(answeredInSupport()).isEqualTo(answeredBefore + 1);

      colleaguePage.findElement(By.id("call-hangup")).click();
      Sipp.Result caller = answered.caller().get();
      assertThat(caller.succeeded()).as(caller.output()).isTrue();
      ContactCompleted done = call().until(() -> completed(contact), c -> !c.isEmpty()).get(0);
      assertThat(done.agentId()).isEqualTo(second);
      // The stored row keeps the first answer (V153), which the supervisor's reports measure the
      // contact by, as the live counters do (ADR 0021 addendum); answered_at is the colleague's.
      ContactAccepted first =
          events.ofType(ContactAccepted.class).stream()
              .filter(a -> a.id().equals(contact))
              .findFirst()
              .orElseThrow();
      assertThat(first.agentId()).isEqualTo(agent);
      Instant[] stored =
          jdbc.sql("SELECT first_answered_at, answered_at FROM routing_contact WHERE id = ?")
              .param(contact.value())
              .query(
                  (rs, n) ->
                      new Instant[] {
                        rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()
                      })
              .single();
      assertThat(stored[0]).isCloseTo(first.at(), within(1, ChronoUnit.MILLIS));
      assertThat(stored[1]).isAfter(stored[0].plusSeconds(15));

      // The agent's next page says where the call went; it has no wrap-up of it.
      browser.get(pages.url("/agent"));
      call().until(() -> browser.findElement(By.id("handed-back")).isDisplayed());
      assertThat(text(browser, "handed-back")).contains("handed back to the queue");
      assertThat(browser.findElement(By.id("wrap-up")).isDisplayed()).isFalse();
      desk.logOut(second);
      // Nobody takes the later caller any more: it hangs up by itself.
      Sipp.Result result = later.get();
      assertThat(result.succeeded()).as(result.output()).isTrue();
    } finally {
      desk.logOut(agent);
      desk.logOut(second);
      if (later != null) {
        // Gone before the next test, which must not be offered it.
        later.handle((result, failure) -> result).join();
      }
    }
  }

  /**
   * A reload then a closed tab (ADR 0052): the leg the reloaded page swapped into the call tells
   * the caller how it ended, like the first one would have, so the caller goes back to the queue
   * instead of being hung up once Asterisk ends that leg for lack of RTP.
   */
  @Test
  void aCallerWhoseAgentReloadedThenClosedTheTabGoesBackToTheQueue() throws Exception {
    LocalAsterisk asterisk = TestInfrastructure.asterisk();
    String agent = pages.routedAgent();
    String callId = null;
    try {
      WebDriver browser = chromium.driver();
      AgentPages.Answered answered = pages.answerAnAcdCaller(browser, agent);
      ContactId contact = answered.contact();
      callId = contact.value().substring("voice:".length());
      browser.navigate().refresh();
      call().until(() -> "talking".equals(attribute(browser, "in-call", "data-state")));
      call().untilAsserted(() -> assertThat(remotePeak(browser)).isGreaterThan(0.05));

      closeTabForGood(browser);

      awaitHandedBack(contact, agent);
      assertThat(routing.waiting()).extracting(WaitingContact::id).contains(contact);
      AgentStatus lost = desk.status(agent);
      assertThat(lost.state()).isEqualTo(AgentState.NOT_READY);
      assertThat(lost.reason()).isEqualTo(ContactRouting.CONNECTION_LOST);
      assertThat(answered.caller()).isNotDone();
      assertThat(completed(contact)).isEmpty();
    } finally {
      desk.logOut(agent);
      if (callId != null) {
        hangUpChannelOf(asterisk, callId);
      }
    }
  }

  /**
   * The agent's tab closes while the colleague they consult is still being rung (ADR 0054): the
   * consult had not reached Asterisk's transfer, so the caller goes back to the front of the queue
   * as for any closed tab, the colleague's ringing phone is hung up (nothing of the consult is left
   * in Asterisk or in the database), and the colleague's page says why; free again, the colleague
   * is offered the caller at once and talks with them.
   */
  @Test
  void aConsultStillRingingEndsWhenTheAgentsTabClosesAndTheCallerGoesBackToTheFront()
      throws Exception {
    LocalAsterisk asterisk = TestInfrastructure.asterisk();
    String agent = pages.routedAgent();
    String consulted = pages.routedAgent();
    String callId = null;
    try {
      long answeredBefore = answeredInSupport();
      WebDriver browser = chromium.driver();
      AgentPages.Answered answered = pages.answerAnAcdCaller(browser, agent);
      ContactId contact = answered.contact();
      callId = contact.value().substring("voice:".length());
      WebDriver colleaguePage = readyDesk(consulted);

      consultFromThePage(browser, consulted);
      String ringId = consultRing(contact).orElseThrow();
      // Closed at once: the consulted phone rings for the ring timeout (20 s), longer than the
      // 15 s Asterisk gives the closed page's leg, so the consult is still ringing then.
      closeTabForGood(browser);
      call().until(() -> shown(colleaguePage, "incoming"));

      awaitHandedBack(contact, agent);
      assertThat(consultRing(contact)).isEmpty();
      call().until(() -> channelOf(asterisk, "cc-ring-" + ringId).isEmpty());
      AgentStatus lost = desk.status(agent);
      assertThat(lost.state()).isEqualTo(AgentState.NOT_READY);
      assertThat(lost.reason()).isEqualTo(ContactRouting.CONNECTION_LOST);
      assertThat(answered.caller()).isNotDone();
      assertThat(events.ofType(ContactTransferred.class)).noneMatch(t -> t.id().equals(contact));
      // The colleague's page says what became of the consult until they take the next call.
      call().until(() -> shown(colleaguePage, "consult-ended-agent-lost"));
      assertThat(text(colleaguePage, "consult-ended-agent-lost"))
          .contains("went back to the queue");

      // Free again and first in line: the colleague is offered the caller and talks with them.
      call()
          .until(
              () -> desk.status(consulted).offers().stream().anyMatch(o -> o.id().equals(contact)));
      answerOnThePage(colleaguePage);
      call()
          .until(
              () -> desk.status(consulted).open().stream().anyMatch(c -> c.id().equals(contact)));
      assertThat(desk.status(consulted).notice()).isEmpty();
      call().untilAsserted(() -> assertThat(remotePeak(colleaguePage)).isGreaterThan(0.05));
      assertThat(answeredInSupport()).isEqualTo(answeredBefore + 1);

      colleaguePage.findElement(By.id("call-hangup")).click();
      Sipp.Result caller = answered.caller().get();
      assertThat(caller.succeeded()).as(caller.output()).isTrue();
      ContactCompleted done = call().until(() -> completed(contact), c -> !c.isEmpty()).get(0);
      assertThat(done.agentId()).isEqualTo(consulted);
      callId = null;
    } finally {
      desk.logOut(agent);
      desk.logOut(consulted);
      if (callId != null) {
        hangUpChannelOf(asterisk, callId);
      }
    }
  }

  /**
   * The agent's tab closes while they talk with the colleague they consult, the caller on hold (ADR
   * 0054): Asterisk takes the end of the agent's leg as completing the transfer, so the caller
   * stays with the colleague, who already knows what the call is about, instead of going back to
   * the queue. Routing moves the call to the colleague and sets the agent not ready ({@code
   * connection lost}, no wrap-up); the colleague's page says so. The colleague's own hang-up then
   * ends the call: the caller is not handed back.
   */
  @Test
  void aConsultInProgressCompletesToTheColleagueWhenTheAgentsTabCloses() throws Exception {
    LocalAsterisk asterisk = TestInfrastructure.asterisk();
    String agent = pages.routedAgent();
    String consulted = pages.routedAgent();
    String callId = null;
    try {
      long answeredBefore = answeredInSupport();
      WebDriver browser = chromium.driver();
      AgentPages.Answered answered = pages.answerAnAcdCaller(browser, agent);
      ContactId contact = answered.contact();
      callId = contact.value().substring("voice:".length());
      WebDriver colleaguePage = readyDesk(consulted);
      consultFromThePage(browser, consulted);
      answerOnThePage(colleaguePage);
      awaitTransferStarted(contact);

      closeTabForGood(browser);

      ContactTransferred moved =
          await()
              .atMost(Duration.ofSeconds(40))
              .pollInterval(Duration.ofMillis(200))
              .until(
                  () ->
                      events.ofType(ContactTransferred.class).stream()
                          .filter(t -> t.id().equals(contact))
                          .findFirst(),
                  Optional::isPresent)
              .get();
      assertThat(moved.agentId()).isEqualTo(agent);
      assertThat(moved.toAgent()).isEqualTo(consulted);
      AgentStatus lost = desk.status(agent);
      assertThat(lost.state()).isEqualTo(AgentState.NOT_READY);
      assertThat(lost.reason()).isEqualTo(ContactRouting.CONNECTION_LOST);
      assertThat(lost.notice()).isEqualTo(AgentStatus.TRANSFERRED_WHEN_LOST);
      AgentStatus taking = desk.status(consulted);
      assertThat(taking.open()).extracting(AgentStatus.OfferedContact::id).containsExactly(contact);
      assertThat(taking.notice()).isEqualTo(AgentStatus.CONSULT_TRANSFERRED_AGENT_LOST);
      assertThat(consultRing(contact)).isEmpty();
      call().until(() -> shown(colleaguePage, "consult-transferred-agent-lost"));
      assertThat(text(colleaguePage, "consult-transferred-agent-lost"))
          .contains("on the line with you");
      // The colleague hears the caller (who speaks all call long), who was never hung up.
      call().untilAsserted(() -> assertThat(remotePeak(colleaguePage)).isGreaterThan(0.05));
      assertThat(answered.caller()).isNotDone();
      assertThat(events.ofType(ContactHandedBack.class)).noneMatch(h -> h.id().equals(contact));
      assertThat(answeredInSupport()).isEqualTo(answeredBefore + 1);

      // The colleague hangs up: the call ends (no mark of the lost leg sends it back to the queue).
      colleaguePage.findElement(By.id("call-hangup")).click();
      Sipp.Result caller = answered.caller().get();
      assertThat(caller.succeeded()).as(caller.output()).isTrue();
      call().until(() -> completed(contact).stream().anyMatch(c -> c.agentId().equals(consulted)));
      assertThat(events.ofType(ContactHandedBack.class)).noneMatch(h -> h.id().equals(contact));
      assertThat(routing.waiting()).extracting(WaitingContact::id).doesNotContain(contact);
      callId = null;
    } finally {
      desk.logOut(agent);
      desk.logOut(consulted);
      if (callId != null) {
        hangUpChannelOf(asterisk, callId);
      }
    }
  }

  /**
   * After an attended transfer completed (the caller talks with the consulted colleague, ADR 0044)
   * the colleague's tab closes: the colleague's leg, which Asterisk bridged with the caller through
   * the consult's Local channel, tells the caller it was lost, so the caller goes back to the queue
   * as for any closed tab (ADR 0052), and the colleague is not ready ({@code connection lost}).
   */
  @Test
  void aCallerTransferredToAColleagueGoesBackToTheQueueWhenTheColleaguesTabCloses()
      throws Exception {
    LocalAsterisk asterisk = TestInfrastructure.asterisk();
    String agent = pages.routedAgent();
    String consulted = pages.routedAgent();
    String callId = null;
    try {
      WebDriver browser = chromium.driver();
      AgentPages.Answered answered = pages.answerAnAcdCaller(browser, agent);
      ContactId contact = answered.contact();
      callId = contact.value().substring("voice:".length());
      WebDriver colleaguePage = readyDesk(consulted);
      consultFromThePage(browser, consulted);
      answerOnThePage(colleaguePage);
      awaitTransferStarted(contact);
      // Complete once Asterisk has the consult leg up (until then: not-connected).
      call()
          .ignoreException(ConsultRefusedException.class)
          .until(() -> desk.completeConsult(agent, contact).state() != AgentState.ON_CONTACT);
      call()
          .until(
              () -> desk.status(consulted).open().stream().anyMatch(c -> c.id().equals(contact)));
      call().untilAsserted(() -> assertThat(remotePeak(colleaguePage)).isGreaterThan(0.05));
      assertThat(desk.status(consulted).notice()).isEmpty();

      closeTabForGood(colleaguePage);

      awaitHandedBack(contact, consulted);
      assertThat(routing.waiting()).extracting(WaitingContact::id).contains(contact);
      AgentStatus lost = desk.status(consulted);
      assertThat(lost.state()).isEqualTo(AgentState.NOT_READY);
      assertThat(lost.reason()).isEqualTo(ContactRouting.CONNECTION_LOST);
      assertThat(lost.open()).isEmpty();
      assertThat(answered.caller()).isNotDone();
      assertThat(completed(contact)).extracting(ContactCompleted::agentId).containsExactly(agent);
    } finally {
      desk.logOut(agent);
      desk.logOut(consulted);
      if (callId != null) {
        hangUpChannelOf(asterisk, callId);
      }
    }
  }

  /** The agent's page signed in, registered and ready, in the colleague's browser. */
  private WebDriver readyDesk(String agent) throws Exception {
    WebDriver page = colleague.driver();
    pages.openDesk(page, agent);
    page.findElement(By.id("presence-ready")).click();
    call().until(() -> "READY".equals(attribute(page, "presence-state", "data-state")));
    call().until(() -> desk.status(agent).state() == AgentState.READY);
    return page;
  }

  /** The agent consults a colleague from the call on their page (ADR 0044). */
  private static void consultFromThePage(WebDriver browser, String colleague) {
    browser.findElement(By.id("consult-agent")).sendKeys(colleague);
    browser.findElement(By.id("call-consult")).click();
    call()
        .until(
            () -> shown(browser, "consult-actions") || !text(browser, "consult-result").isEmpty());
    // A refused consult leaves the actions hidden and says why.
    assertThat(shown(browser, "consult-actions")).as(text(browser, "consult-result")).isTrue();
  }

  /**
   * Answers the call ringing on the page; clicked again while it rings (a ring that ended just
   * before, such as a consult hung up, may still be on the page when the next one comes). The
   * button may vanish between the look and the click (the call was just answered): asked again.
   */
  private static void answerOnThePage(WebDriver page) {
    call()
        .ignoreException(ElementNotInteractableException.class)
        .until(
            () -> {
              if (shown(page, "incoming")) {
                page.findElement(By.id("call-accept")).click();
              }
              return "talking".equals(attribute(page, "in-call", "data-state"));
            });
  }

  /** Waits until Asterisk's attended transfer started (the consulted phone answered). */
  private void awaitTransferStarted(ContactId contact) {
    call()
        .until(
            () ->
                jdbc.sql(
                        "SELECT count(*) FROM routing_consult WHERE contact_id = ?"
                            + " AND agent_channel IS NOT NULL")
                    .param(contact.value())
                    .query(Long.class)
                    .single(),
            n -> n == 1);
  }

  /** The ring id of the consult stored about the call, if one is. */
  private Optional<String> consultRing(ContactId contact) {
    return jdbc.sql("SELECT ring_id FROM routing_consult WHERE contact_id = ?")
        .param(contact.value())
        .query(String.class)
        .optional();
  }

  /** Contacts answered in support since routing took the lead (the wallboard's number). */
  private long answeredInSupport() {
    return routing.serviceLevels().stream()
        .filter(q -> q.queue().equals("support"))
        .mapToLong(QueueServiceLevel::answered)
        .findFirst()
        .orElse(0);
  }

  private List<ContactCompleted> completed(ContactId contact) {
    return events.ofType(ContactCompleted.class).stream()
        .filter(c -> c.id().equals(contact))
        .toList();
  }

  /** Waits until routing had the call back from the agent (after the 15 s of a reload). */
  private void awaitHandedBack(ContactId contact, String agent) {
    await()
        .atMost(Duration.ofSeconds(40))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                events.ofType(ContactHandedBack.class).stream()
                    .anyMatch(h -> h.id().equals(contact) && h.agentId().equals(agent)));
  }
}
