package io.contactcenter.app;

import static io.contactcenter.app.AgentPages.attribute;
import static io.contactcenter.app.AgentPages.call;
import static io.contactcenter.app.AgentPages.remotePeak;
import static io.contactcenter.app.AgentPages.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contactcenter.pbx.Softphones;
import io.contactcenter.routing.AgentDesk;
import io.contactcenter.routing.AgentDirectory;
import io.contactcenter.routing.AgentState;
import io.contactcenter.routing.AgentStatus;
import io.contactcenter.routing.ContactCompleted;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.ContactRouting;
import io.contactcenter.testinfra.CampaignApi;
import io.contactcenter.testinfra.CapturedEvents;
import io.contactcenter.testinfra.Chromium;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.LocalAsterisk;
import io.contactcenter.testinfra.Sipp;
import io.contactcenter.testinfra.TestInfrastructure;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The agent page's softphone with real parts (issue 12): headless Chromium with a fake microphone
 * signs in as an agent and registers over WebSocket to the real Asterisk with credentials the app
 * issued; a SIPp customer who speaks calls the agent's endpoint; the page rings with the caller,
 * the agent accepts, audio flows both ways (each direction recorded by Asterisk on its own, both
 * with sound in them), the agent hangs up and the disposition with its notes is stored under the
 * call's id.
 */
@ContactCenterIT
class AgentSoftphoneIT {

  private static final String PASSWORD = "agent-softphone-test-password";

  /** A 20 ms frame of 8 kHz audio counts as sound above this RMS (silence and comfort noise ~0). */
  private static final double SOUND_RMS = 300;

  @RegisterExtension
  Chromium chromium =
      new Chromium(
          List.of(
              "--use-fake-ui-for-media-stream",
              "--use-fake-device-for-media-stream",
              "--allow-loopback-in-peer-connection"));

  /** A second agent's browser, for transfers. */
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

  @Autowired
  @Qualifier("ami")
  HealthIndicator ami;

  AgentPages pages;

  @BeforeEach
  void pages() {
    pages = new AgentPages(port, PASSWORD, softphones, agents, desk);
  }

  @Test
  void anAgentAnswersACallerInTheBrowserTalksBothWaysAndStoresTheDisposition() throws Exception {
    LocalAsterisk asterisk = TestInfrastructure.asterisk();
    String agent = pages.agent();
    WebDriver browser = chromium.driver();
    pages.users().signIn(browser, agent);
    browser.get(pages.url("/agent"));

    call().until(() -> "registered".equals(attribute(browser, "phone-status", "data-state")));
    String endpoint = softphones.endpointOf(agent);
    assertThat(text(browser, "phone-status")).contains(endpoint);

    CompletableFuture<Sipp.Result> customer =
        CompletableFuture.supplyAsync(
            () ->
                Sipp.scenario("customer-calls-agent.xml")
                    .service(endpoint)
                    .timeout(Duration.ofSeconds(120))
                    .callAsterisk(asterisk.ports().sip()));

    call().until(() -> browser.findElement(By.id("incoming")).isDisplayed());
    assertThat(text(browser, "incoming-name")).containsIgnoringCase("customer");
    browser.findElement(By.id("call-accept")).click();
    call().until(() -> "talking".equals(attribute(browser, "in-call", "data-state")));

    // The caller channel's UNIQUEID that Asterisk sent in X-CC-Call-Id.
    String callId = attribute(browser, "in-call", "data-call-id");
    assertThat(callId).matches("[0-9]+\\.[0-9]+");
    Path heardFromCaller = asterisk.recordings().resolve(callId + "-caller.wav");
    Path heardByCaller = asterisk.recordings().resolve(callId + "-agent.wav");
    // Four seconds of the call in each direction before the agent hangs up.
    call()
        .until(
            () ->
                Files.exists(heardFromCaller)
                    && Files.size(heardFromCaller) > 64_000
                    && Files.exists(heardByCaller)
                    && Files.size(heardByCaller) > 64_000);
    browser.findElement(By.id("call-mute")).click();
    call().until(() -> "true".equals(attribute(browser, "call-mute", "aria-pressed")));
    browser.findElement(By.id("call-mute")).click();
    browser.findElement(By.id("call-hangup")).click();

    Sipp.Result result = customer.get();
    assertThat(result.succeeded()).as(result.output()).isTrue();
    call().until(() -> browser.findElement(By.id("wrap-up")).isDisplayed());
    assertThat(browser.findElement(By.id("in-call")).isDisplayed()).isFalse();

    // Each direction has sound: the customer's speech on one, the fake microphone's beeps on the
    // other (MixMonitor closes the files once the call has ended).
    call().untilAsserted(() -> assertThat(soundFrames(heardFromCaller)).isGreaterThan(25));
    call().untilAsserted(() -> assertThat(soundFrames(heardByCaller)).isGreaterThan(5));

    new Select(browser.findElement(By.id("disposition"))).selectByValue("FOLLOW_UP");
    String notes = "<script>alert('x')</script> wants a refund 退款";
    browser.findElement(By.id("notes")).sendKeys(notes);
    browser.findElement(By.cssSelector("#wrap-up-form button[type=submit]")).click();
    call().until(() -> "true".equals(attribute(browser, "wrap-up", "data-saved")));

    Map<String, Object> stored =
        jdbc.sql("SELECT call_id, disposition, notes FROM agent_disposition WHERE agent = ?")
            .param(agent)
            .query()
            .singleRow();
    assertThat(stored)
        .containsEntry("call_id", callId)
        .containsEntry("disposition", "FOLLOW_UP")
        .containsEntry("notes", notes);
    assertThat(chromium.securityPolicyViolations()).isEmpty();
  }

  @Test
  void anAgentTransfersTheCallerToAColleaguesPage() throws Exception {
    LocalAsterisk asterisk = TestInfrastructure.asterisk();
    String first = pages.agent();
    String second = pages.agent();
    WebDriver firstPage = chromium.driver();
    WebDriver secondPage = colleague.driver();
    pages.users().signIn(firstPage, first);
    firstPage.get(pages.url("/agent"));
    pages.users().signIn(secondPage, second);
    secondPage.get(pages.url("/agent"));
    call().until(() -> "registered".equals(attribute(firstPage, "phone-status", "data-state")));
    call().until(() -> "registered".equals(attribute(secondPage, "phone-status", "data-state")));

    CompletableFuture<Sipp.Result> customer =
        CompletableFuture.supplyAsync(
            () ->
                Sipp.scenario("customer-calls-agent.xml")
                    .service(softphones.endpointOf(first))
                    .timeout(Duration.ofSeconds(120))
                    .callAsterisk(asterisk.ports().sip()));
    call().until(() -> firstPage.findElement(By.id("incoming")).isDisplayed());
    firstPage.findElement(By.id("call-accept")).click();
    call().until(() -> "talking".equals(attribute(firstPage, "in-call", "data-state")));
    String callId = attribute(firstPage, "in-call", "data-call-id");

    firstPage.findElement(By.id("transfer-to")).sendKeys(second);
    firstPage.findElement(By.id("call-transfer")).click();
    // The colleague's page rings with the same caller and the same call; the first agent is free.
    call().until(() -> secondPage.findElement(By.id("incoming")).isDisplayed());
    assertThat(text(secondPage, "incoming-name")).containsIgnoringCase("customer");
    call().until(() -> firstPage.findElement(By.id("wrap-up")).isDisplayed());
    secondPage.findElement(By.id("call-accept")).click();
    call().until(() -> "talking".equals(attribute(secondPage, "in-call", "data-state")));
    assertThat(attribute(secondPage, "in-call", "data-call-id")).isEqualTo(callId);
    secondPage.findElement(By.id("call-hangup")).click();

    Sipp.Result result = customer.get();
    assertThat(result.succeeded()).as(result.output()).isTrue();
    call().until(() -> secondPage.findElement(By.id("wrap-up")).isDisplayed());
  }

  @Test
  void aCallerWhoHangsUpWhileThePageRingsDisappearsFromIt() throws Exception {
    LocalAsterisk asterisk = TestInfrastructure.asterisk();
    String agent = pages.agent();
    WebDriver browser = chromium.driver();
    pages.users().signIn(browser, agent);
    browser.get(pages.url("/agent"));
    call().until(() -> "registered".equals(attribute(browser, "phone-status", "data-state")));

    CompletableFuture<Sipp.Result> customer =
        CompletableFuture.supplyAsync(
            () ->
                Sipp.scenario("customer-gives-up.xml")
                    .service(softphones.endpointOf(agent))
                    .pause(Duration.ofSeconds(4))
                    .timeout(Duration.ofSeconds(60))
                    .callAsterisk(asterisk.ports().sip()));
    call().until(() -> browser.findElement(By.id("incoming")).isDisplayed());
    Sipp.Result result = customer.get();
    assertThat(result.succeeded()).as(result.output()).isTrue();
    // The ringing offer is gone within a second of the caller's CANCEL, and the agent is told.
    await()
        .atMost(Duration.ofSeconds(1))
        .ignoreException(StaleElementReferenceException.class)
        .until(() -> !browser.findElement(By.id("incoming")).isDisplayed());
    assertThat(text(browser, "phone-error")).contains("hung up before you answered");
    assertThat(browser.findElement(By.id("wrap-up")).isDisplayed()).isFalse();
  }

  @Test
  void whenAsteriskRestartsThePageSaysTheCallWasLostRegistersAgainAndTakesTheNextCall()
      throws Exception {
    LocalAsterisk asterisk = TestInfrastructure.asterisk();
    String agent = pages.agent();
    WebDriver browser = chromium.driver();
    pages.users().signIn(browser, agent);
    browser.get(pages.url("/agent"));
    call().until(() -> "registered".equals(attribute(browser, "phone-status", "data-state")));
    String endpoint = softphones.endpointOf(agent);

    // A call in progress when Asterisk goes away (its caller never gets a BYE: SIPp gives up).
    CompletableFuture<Sipp.Result> lostCaller =
        CompletableFuture.supplyAsync(
            () ->
                Sipp.scenario("customer-calls-agent.xml")
                    .service(endpoint)
                    .timeout(Duration.ofSeconds(40))
                    .callAsterisk(asterisk.ports().sip()));
    call().until(() -> browser.findElement(By.id("incoming")).isDisplayed());
    browser.findElement(By.id("call-accept")).click();
    call().until(() -> "talking".equals(attribute(browser, "in-call", "data-state")));

    // Every line state the page shows from now on.
    ((JavascriptExecutor) browser)
        .executeScript(
            "const el = document.getElementById('phone-status');"
                + "window.lineStates = [];"
                + "new MutationObserver(records => records.forEach(r => window.lineStates.push("
                + "r.oldValue))).observe(el, { attributes: true, attributeOldValue: true,"
                + " attributeFilter: ['data-state'] });");
    // The server side closes the page's WebSocket without a word: Asterisk dies and starts
    // again (no BYE for the call), with the endpoints the app wrote still in its configuration.
    asterisk.crashAndRestart();

    // The page reconnects and registers by itself; the call Asterisk no longer knows is reported
    // lost and goes to wrap-up like any answered call.
    call().until(() -> "registered".equals(attribute(browser, "phone-status", "data-state")));
    // Each state it went through (the one before each change): "Connection lost, reconnecting…".
    assertThat(lineStates(browser)).startsWith("registered").contains("reconnecting");
    call().until(() -> browser.findElement(By.id("wrap-up")).isDisplayed());
    assertThat(text(browser, "phone-error")).contains("The call was lost");
    assertThat(browser.findElement(By.id("in-call")).isDisplayed()).isFalse();
    call().until(() -> Status.UP.equals(ami.health().getStatus()));

    // The next caller rings the page again and talks both ways.
    CompletableFuture<Sipp.Result> customer =
        CompletableFuture.supplyAsync(
            () ->
                Sipp.scenario("customer-calls-agent.xml")
                    .service(endpoint)
                    .timeout(Duration.ofSeconds(120))
                    .callAsterisk(asterisk.ports().sip()));
    call().until(() -> browser.findElement(By.id("incoming")).isDisplayed());
    browser.findElement(By.id("call-accept")).click();
    call().until(() -> "talking".equals(attribute(browser, "in-call", "data-state")));
    String callId = attribute(browser, "in-call", "data-call-id");
    Path heardFromCaller = asterisk.recordings().resolve(callId + "-caller.wav");
    Path heardByCaller = asterisk.recordings().resolve(callId + "-agent.wav");
    call()
        .until(
            () ->
                Files.exists(heardFromCaller)
                    && Files.size(heardFromCaller) > 64_000
                    && Files.exists(heardByCaller)
                    && Files.size(heardByCaller) > 64_000);
    browser.findElement(By.id("call-hangup")).click();
    Sipp.Result result = customer.get();
    assertThat(result.succeeded()).as(result.output()).isTrue();
    call().untilAsserted(() -> assertThat(soundFrames(heardFromCaller)).isGreaterThan(25));
    call().untilAsserted(() -> assertThat(soundFrames(heardByCaller)).isGreaterThan(5));
    assertThat(lostCaller.get().succeeded()).isFalse();
  }

  /**
   * A reload of the agent's page mid-call (ADR 0051): routing rings the agent's softphone with a
   * caller of the ACD, the agent answers, the page reloads, and the call comes back on the new page
   * by itself (an INVITE that replaces the old dialog, swapped into the call's bridge by Asterisk):
   * the page hears the caller and the caller hears the page after the reload, routing never saw a
   * hang-up (the contact stays the agent's, its handle time spans the reload), and the agent's
   * hang-up then ends the call and starts wrap-up as usual.
   */
  @Test
  void anAnsweredCallComesBackAfterThePageReloadsAndStaysTheAgentsContact() throws Exception {
    LocalAsterisk asterisk = TestInfrastructure.asterisk();
    String agent = pages.routedAgent();
    try {
      WebDriver browser = chromium.driver();
      AgentPages.Answered answered = pages.answerAnAcdCaller(browser, agent);
      ContactId contact = answered.contact();
      long answeredAt = System.currentTimeMillis();
      // The caller channel's UNIQUEID names its recordings ([cc-setup]).
      String callId = contact.value().substring("voice:".length());
      String shownCallId = attribute(browser, "in-call", "data-call-id");
      Path callerSaid = asterisk.recordings().resolve(callId + "-in.wav");
      Path callerHeard = asterisk.recordings().resolve(callId + "-out.wav");
      call().until(() -> durationSeconds(text(browser, "call-duration")) >= 3);

      browser.navigate().refresh();

      call().until(() -> "talking".equals(attribute(browser, "in-call", "data-state")));
      assertThat(attribute(browser, "in-call", "data-call-id")).isEqualTo(shownCallId);
      assertThat(text(browser, "phone-error")).isEmpty();
      // The page's timer counts from the first answer: the call never ended.
      assertThat(durationSeconds(text(browser, "call-duration")))
          .isGreaterThanOrEqualTo((System.currentTimeMillis() - answeredAt) / 1000 - 2);
      // The page hears the caller (who speaks all call long) on the new leg.
      call().untilAsserted(() -> assertThat(remotePeak(browser)).isGreaterThan(0.05));
      // The caller hears the page's microphone (its beeps) on the new leg: four seconds of what
      // the caller heard from now on.
      long heardBefore = Files.size(callerHeard);
      call().until(() -> Files.size(callerHeard) > heardBefore + 64_000);
      // Routing saw no hang-up: the contact is still this agent's.
      AgentStatus during = desk.status(agent);
      assertThat(during.state()).isEqualTo(AgentState.ON_CONTACT);
      assertThat(during.open()).extracting(AgentStatus.OfferedContact::id).contains(contact);
      assertThat(completed(contact)).isEmpty();

      browser.findElement(By.id("call-hangup")).click();
      Sipp.Result caller = answered.caller().get();
      assertThat(caller.succeeded()).as(caller.output()).isTrue();
      call().until(() -> browser.findElement(By.id("wrap-up")).isDisplayed());
      long talked = System.currentTimeMillis() - answeredAt;
      ContactCompleted done = call().until(() -> completed(contact), c -> !c.isEmpty()).get(0);
      assertThat(done.agentId()).isEqualTo(agent);
      assertThat(done.handledMillis()).isGreaterThanOrEqualTo(talked - 2_000);
      call().until(() -> desk.status(agent).state() == AgentState.WRAP_UP);
      call().untilAsserted(() -> assertThat(soundFrames(callerSaid, 0)).isGreaterThan(25));
      call()
          .untilAsserted(() -> assertThat(soundFrames(callerHeard, heardBefore)).isGreaterThan(5));
    } finally {
      desk.logOut(agent);
    }
  }

  private List<ContactCompleted> completed(ContactId contact) {
    return events.ofType(ContactCompleted.class).stream()
        .filter(c -> c.id().equals(contact))
        .toList();
  }

  /** m:ss on the page, in seconds; -1 while it shows none. */
  private static long durationSeconds(String shown) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+):(\\d\\d)").matcher(shown);
    return m.matches() ? Long.parseLong(m.group(1)) * 60 + Long.parseLong(m.group(2)) : -1;
  }

  /** The line states the page showed since the test started watching, before each change. */
  @SuppressWarnings("unchecked")
  private static List<String> lineStates(WebDriver browser) {
    return (List<String>) ((JavascriptExecutor) browser).executeScript("return window.lineStates;");
  }

  @Test
  void eachAgentGetsOnlyTheirOwnLineAndBadDispositionsAreNamed() throws Exception {
    TestInfrastructure.asterisk();
    String agent = pages.agent();
    HttpResponse<String> own = asAgent(agent, "POST", "/agent/api/softphone/credentials", "");
    assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
    assertThat(own.body()).contains("\"username\":\"" + softphones.endpointOf(agent) + "\"");
    assertThat(own.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    // Not an agent, no line: the path has no agent parameter to ask for someone else's.
    HttpResponse<String> admin = new CampaignApi(port).post("/agent/api/softphone/credentials", "");
    assertThat(admin.statusCode()).isEqualTo(403);

    HttpResponse<String> badId =
        asAgent(
            agent,
            "POST",
            "/agent/api/dispositions",
            "{\"callId\": \"<b>1</b>\", \"disposition\": \"RESOLVED\"}");
    assertThat(badId.statusCode()).isEqualTo(400);
    assertThat(badId.body()).contains("callId");
    HttpResponse<String> badCode =
        asAgent(
            agent,
            "POST",
            "/agent/api/dispositions",
            "{\"callId\": \"1.2\", \"disposition\": \"MAYBE\"}");
    assertThat(badCode.statusCode()).isEqualTo(400);
    HttpResponse<String> longNotes =
        asAgent(
            agent,
            "POST",
            "/agent/api/dispositions",
            "{\"callId\": \"1.2\", \"disposition\": \"OTHER\", \"notes\": \""
                + "x".repeat(2001)
                + "\"}");
    assertThat(longNotes.statusCode()).isEqualTo(400);
    assertThat(longNotes.body()).contains("notes");

    // The history shows what the agent stored, with numbers masked for an agent.
    String caller = "+86" + (13800000000L + (long) (Math.random() * 99_999_999));
    HttpResponse<String> stored =
        asAgent(
            agent,
            "POST",
            "/agent/api/dispositions",
            "{\"callId\": \"9.%s\", \"caller\": \"%s\", \"disposition\": \"CALLBACK_PROMISED\", \"notes\": \"call back on %s\"}"
                .formatted(agent.substring(6), caller, caller));
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
    HttpResponse<String> timeline =
        asAgent(
            agent,
            "GET",
            "/agent/api/timeline?caller=" + java.net.URLEncoder.encode(caller, "UTF-8"),
            null);
    assertThat(timeline.statusCode()).as(timeline.body()).isEqualTo(200);
    assertThat(timeline.body()).contains("CALLBACK_PROMISED").doesNotContain(caller.substring(3));
  }

  private HttpResponse<String> asAgent(String agent, String method, String path, String body)
      throws Exception {
    java.net.http.HttpRequest.Builder request =
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(pages.url(path)))
            .header(
                "Authorization",
                "Basic "
                    + java.util.Base64.getEncoder()
                        .encodeToString(
                            (agent + ":" + PASSWORD)
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
            .header("Accept", "application/json");
    if (body == null) {
      request.GET();
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(body));
    }
    return java.net.http.HttpClient.newHttpClient()
        .send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** How many 20 ms frames of the recording have sound in them. */
  private static int soundFrames(Path wav) throws IOException, UnsupportedAudioFileException {
    return soundFrames(wav, 0);
  }

  /**
   * How many 20 ms frames of the recording have sound in them, from the file's byte {@code from} on
   * (a size it had earlier, its header included).
   */
  private static int soundFrames(Path wav, long from)
      throws IOException, UnsupportedAudioFileException {
    try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
      byte[] pcm = in.readAllBytes();
      long header = Files.size(wav) - pcm.length;
      boolean bigEndian = in.getFormat().isBigEndian();
      int frameBytes = 320; // 160 samples of 16-bit audio at 8 kHz
      int frames = 0;
      long start = Math.max(0, from - Math.max(0, header));
      start -= start % 2;
      for (int off = (int) start; off + frameBytes <= pcm.length; off += frameBytes) {
        double sum = 0;
        for (int i = off; i < off + frameBytes; i += 2) {
          int sample =
              bigEndian
                  ? (short) ((pcm[i] << 8) | (pcm[i + 1] & 0xff))
                  : (short) ((pcm[i + 1] << 8) | (pcm[i] & 0xff));
          sum += (double) sample * sample;
        }
        if (Math.sqrt(sum / 160) > SOUND_RMS) {
          frames++;
        }
      }
      return frames;
    }
  }
}
