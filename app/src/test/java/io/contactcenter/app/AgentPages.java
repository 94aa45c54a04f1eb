package io.contactcenter.app;

import static org.awaitility.Awaitility.await;

import io.contactcenter.pbx.Softphones;
import io.contactcenter.routing.AgentDesk;
import io.contactcenter.routing.AgentDirectory;
import io.contactcenter.routing.AgentSettings;
import io.contactcenter.routing.AgentStatus;
import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactId;
import io.contactcenter.testinfra.LocalAsterisk;
import io.contactcenter.testinfra.Sipp;
import io.contactcenter.testinfra.TestInfrastructure;
import io.contactcenter.testinfra.TestUsers;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.awaitility.core.ConditionFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;

/**
 * Agents in headless Chromium for the agent page's ITs ({@code AgentSoftphoneIT}, {@code
 * AgentClosedTabIT}): accounts and sign-in, a routing profile that rings the page's softphone, a
 * SIPp caller of the ACD answered on the page, what the page hears, a tab closed for good.
 */
final class AgentPages {

  /** A call the agent answered: routing's contact, and the caller's SIPp until it is hung up. */
  record Answered(ContactId contact, CompletableFuture<Sipp.Result> caller) {}

  private final int port;
  private final String password;
  private final Softphones softphones;
  private final AgentDirectory agents;
  private final AgentDesk desk;

  AgentPages(
      int port, String password, Softphones softphones, AgentDirectory agents, AgentDesk desk) {
    this.port = port;
    this.password = password;
    this.softphones = softphones;
    this.agents = agents;
    this.desk = desk;
  }

  /** A new agent account. */
  String agent() throws Exception {
    return users().create("AGENT");
  }

  /** A new agent whose routing profile rings their browser softphone for callers of support. */
  String routedAgent() throws Exception {
    String agent = agent();
    agents.save(
        new AgentSettings(agent, Map.of("support", 3), 0, 0, 60, softphones.endpointOf(agent)));
    return agent;
  }

  /** This test's people: accounts through the admin API, sign-in through the form. */
  TestUsers users() {
    return new TestUsers(port, password);
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** Signs the agent in on the page and waits until its softphone is registered. */
  void openDesk(WebDriver browser, String agent) throws Exception {
    users().signIn(browser, agent);
    browser.get(url("/agent"));
    call().until(() -> "registered".equals(attribute(browser, "phone-status", "data-state")));
  }

  /**
   * Signs the agent in, sets them ready, lets a caller of the ACD (speaking until Asterisk hangs
   * up) ring their page and answers it.
   */
  Answered answerAnAcdCaller(WebDriver browser, String agent) throws Exception {
    LocalAsterisk asterisk = TestInfrastructure.asterisk();
    openDesk(browser, agent);
    browser.findElement(By.id("presence-ready")).click();
    call().until(() -> "READY".equals(attribute(browser, "presence-state", "data-state")));
    CompletableFuture<Sipp.Result> caller =
        CompletableFuture.supplyAsync(
            () ->
                Sipp.scenario("acd-caller-until-bye.xml")
                    .service("4200")
                    .timeout(Duration.ofSeconds(200))
                    .callAsterisk(asterisk.ports().sip()));
    call().until(() -> browser.findElement(By.id("incoming")).isDisplayed());
    browser.findElement(By.id("call-accept")).click();
    call().until(() -> "talking".equals(attribute(browser, "in-call", "data-state")));
    ContactId contact =
        call()
            .until(
                () ->
                    desk.status(agent).open().stream()
                        .filter(c -> c.channel() == ContactChannel.VOICE)
                        .map(AgentStatus.OfferedContact::id)
                        .findFirst(),
                Optional::isPresent)
            .get();
    return new Answered(contact, caller);
  }

  /** Waits for things a call does (45 s at most: a loaded machine, a browser, SIP). */
  static ConditionFactory call() {
    return await()
        .atMost(Duration.ofSeconds(45))
        .pollInterval(Duration.ofMillis(200))
        .ignoreException(StaleElementReferenceException.class);
  }

  static String text(WebDriver browser, String id) {
    return browser.findElement(By.id(id)).getText();
  }

  static String attribute(WebDriver browser, String id, String name) {
    return browser.findElement(By.id(id)).getDomAttribute(name);
  }

  static boolean shown(WebDriver browser, String id) {
    return browser.findElement(By.id(id)).isDisplayed();
  }

  /**
   * The loudest sample (0 to 1) the page's remote audio carries over two seconds, read through an
   * analyser of the Web Audio API; -1 without a remote stream.
   */
  static double remotePeak(WebDriver browser) {
    Object peak =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "const stream = document.getElementById('remote-audio').srcObject;"
                    + "if (!stream) { done(-1); return; }"
                    + "const ctx = new AudioContext();"
                    + "const analyser = ctx.createAnalyser();"
                    + "analyser.fftSize = 2048;"
                    + "ctx.createMediaStreamSource(stream).connect(analyser);"
                    + "const samples = new Float32Array(2048);"
                    + "let peak = 0;"
                    + "const end = performance.now() + 2000;"
                    + "(function sample() {"
                    + "  analyser.getFloatTimeDomainData(samples);"
                    + "  for (const v of samples) peak = Math.max(peak, Math.abs(v));"
                    + "  if (performance.now() < end) setTimeout(sample, 50);"
                    + "  else { ctx.close(); done(peak); }"
                    + "})();");
    return ((Number) peak).doubleValue();
  }

  /** Closes the agent's tab for good (another tab stays open so that the browser does not quit). */
  static void closeTabForGood(WebDriver browser) {
    String agentTab = browser.getWindowHandle();
    browser.switchTo().newWindow(WindowType.TAB);
    String otherTab = browser.getWindowHandle();
    browser.switchTo().window(agentTab).close();
    browser.switchTo().window(otherTab);
  }

  /** Hangs up the channel with that uniqueid, so the next test is not offered its caller. */
  static void hangUpChannelOf(LocalAsterisk asterisk, String uniqueId) {
    channelOf(asterisk, uniqueId)
        .ifPresent(channel -> asterisk.cli("channel request hangup " + channel));
  }

  /** The name of the channel with that uniqueid, while Asterisk has it. */
  static Optional<String> channelOf(LocalAsterisk asterisk, String uniqueId) {
    // concise: Channel!Context!Exten!Priority!State!App!Data!CallerID!...!BridgeID!Uniqueid
    for (String line : asterisk.cli("core show channels concise").lines().toList()) {
      String[] fields = line.split("!", -1);
      if (fields.length > 1 && fields[fields.length - 1].strip().equals(uniqueId)) {
        return Optional.of(fields[0]);
      }
    }
    return Optional.empty();
  }
}
