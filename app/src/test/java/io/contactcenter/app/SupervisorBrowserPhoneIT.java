package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contactcenter.app.security.AuditAction;
import io.contactcenter.app.security.AuditLog;
import io.contactcenter.pbx.Softphones;
import io.contactcenter.routing.AgentDesk;
import io.contactcenter.routing.AgentDirectory;
import io.contactcenter.routing.AgentSettings;
import io.contactcenter.routing.ContactAccepted;
import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.ContactRouting;
import io.contactcenter.routing.WithdrawReason;
import io.contactcenter.testinfra.CapturedEvents;
import io.contactcenter.testinfra.Chromium;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.LocalAsterisk;
import io.contactcenter.testinfra.Sipp;
import io.contactcenter.testinfra.TestInfrastructure;
import io.contactcenter.testinfra.TestUsers;
import io.contactcenter.testinfra.WithSharedAsterisk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A supervisor without a desk phone listens and barges in from the wallboard page (issue 12):
 * headless Chromium signs in as the supervisor, switches the page's softphone on (it registers over
 * WebSocket to the real Asterisk with credentials the app issued), and clicks Listen, then Barge
 * in, on a live call between a SIPp caller in the ACD and an agent's SIPp phone. The page answers
 * the monitoring call by itself; it hears the call (the browser's received audio has sound in it),
 * the caller does not hear the listener, and hears the barging supervisor: the browser's microphone
 * is a file with a 1400 Hz tone, found in the RTP the caller receives. Every use is audited with
 * the browser phone.
 */
@ContactCenterIT
@WithSharedAsterisk
class SupervisorBrowserPhoneIT {

  static final LocalAsterisk asterisk = TestInfrastructure.asterisk();

  private static final String PASSWORD = "supervisor-phone-test-password";
  private static final double CALLER = 600;
  private static final double AGENT = 1000;
  private static final double SUPERVISOR = 1400;

  /** One second of 20 ms frames. */
  private static final int SECOND = 50;

  /** The supervisor's microphone: a 1400 Hz tone Chromium plays in a loop. */
  private static final Path MICROPHONE = tone(SUPERVISOR);

  @RegisterExtension
  Chromium chromium =
      new Chromium(
          List.of(
              "--use-fake-ui-for-media-stream",
              "--use-fake-device-for-media-stream",
              "--use-file-for-fake-audio-capture=" + MICROPHONE,
              "--autoplay-policy=no-user-gesture-required",
              "--allow-loopback-in-peer-connection"));

  @LocalServerPort int port;
  @Autowired AgentDesk desk;
  @Autowired ContactRouting routing;
  @Autowired AgentDirectory agents;
  @Autowired CapturedEvents events;
  @Autowired AuditLog audit;
  @Autowired Softphones softphones;

  private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
  private String agent;

  @AfterEach
  void cleanUp() {
    if (agent != null) {
      desk.logOut(agent);
    }
    routing.waiting().stream()
        .filter(w -> w.channel() == ContactChannel.VOICE)
        .forEach(w -> routing.withdraw(w.id(), WithdrawReason.CANCELLED));
    callers.shutdownNow();
  }

  @Test
  void aSupervisorWithoutADeskPhoneListensAndBargesInFromTheWallboard() throws Exception {
    TestUsers users = new TestUsers(port, PASSWORD);
    // No routing profile, so no desk phone: only the browser can ring.
    String supervisor = users.create("SUPERVISOR");
    agent = "coached-" + UUID.randomUUID().toString().substring(0, 8);
    agents.save(new AgentSettings(agent, Map.of("support", 3), 0, 0, 0, "agent-45@trunk-test"));
    desk.logIn(agent);

    WebDriver browser = chromium.driver();
    users.signIn(browser, supervisor);
    browser.get("http://127.0.0.1:" + port + "/supervisor/wallboard");
    browser.findElement(By.id("browser-phone-on")).click();
    page().until(() -> "registered".equals(state(browser)));

    try (RtpEar caller = new RtpEar("caller");
        RtpEar agentPhone = new RtpEar("agent");
        RtpEar unused = new RtpEar("supervisor");
        Sipp.Answering phones =
            Sipp.scenario("uas-answer-media.xml")
                .key("agent_port", Integer.toString(agentPhone.port()))
                .key("supervisor_port", Integer.toString(unused.port()))
                .calls(1)
                .timeout(Duration.ofSeconds(150))
                .answerOn(asterisk.ports().trunk())) {
      caller.say(CALLER);
      agentPhone.say(AGENT);
      CompletableFuture<Sipp.Result> call =
          CompletableFuture.supplyAsync(
              () ->
                  Sipp.scenario("acd-caller-media.xml")
                      .service("4200")
                      .key("ear_port", Integer.toString(caller.port()))
                      .pause(Duration.ofSeconds(60))
                      .timeout(Duration.ofSeconds(120))
                      .callAsterisk(asterisk.ports().sip()),
              callers);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> routing.waiting().stream().anyMatch(w -> w.channel() == ContactChannel.VOICE));
      desk.ready(agent);
      ContactId contact =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () ->
                      events.ofType(ContactAccepted.class).stream()
                          .filter(a -> a.agentId().equals(agent))
                          .map(ContactAccepted::id)
                          .findFirst()
                          .orElse(null),
                  id -> id != null);
      long talking = RtpEar.now();
      sound().until(() -> caller.framesWith(AGENT, talking) >= SECOND);

      // Listen: the page answers by itself and plays the call.
      long listen = RtpEar.now();
      click(browser, contact, "LISTEN");
      page().until(() -> "in-call".equals(state(browser)));
      assertThat(browser.findElement(By.id("monitor-hangup")).isDisplayed()).isTrue();
      page().until(() -> heard(browser) > 0.01);
      // Two seconds of the call heard; neither party heard the listener's microphone.
      long heard = RtpEar.now();
      sound().until(() -> caller.framesSince(heard) >= 2 * SECOND);
      assertThat(caller.framesWith(SUPERVISOR, listen)).as("caller heard a listener").isZero();
      assertThat(agentPhone.framesWith(SUPERVISOR, listen)).as("agent heard a listener").isZero();

      // Barge in from the same page: it leaves listening and joins; both parties hear it.
      long barge = RtpEar.now();
      click(browser, contact, "BARGE");
      sound().until(() -> caller.framesWith(SUPERVISOR, barge) >= SECOND);
      sound().until(() -> agentPhone.framesWith(SUPERVISOR, barge) >= SECOND);

      // Leaving the call keeps the phone ready for the next one; the call goes on.
      browser.findElement(By.id("monitor-hangup")).click();
      page().until(() -> "registered".equals(state(browser)));
      long left = RtpEar.now();
      sound().until(() -> caller.framesWith(AGENT, left) >= SECOND);

      Sipp.Result ended = call.get();
      assertThat(ended.succeeded()).as("caller:%n%s", ended.output()).isTrue();
      Sipp.Result answered = phones.await(Duration.ofSeconds(30));
      assertThat(answered.succeeded()).as("agent's phone:%n%s", answered.output()).isTrue();

      // Each use audited, ringing the supervisor's browser endpoint.
      List<AuditLog.Entry> entries =
          audit.list(20, null, supervisor).stream()
              .filter(e -> e.action() == AuditAction.CALL_MONITORED)
              .toList();
      assertThat(entries)
          .extracting(e -> e.detail().split(" ")[0])
          .containsExactly("BARGE", "LISTEN");
      assertThat(entries)
          .allSatisfy(
              e ->
                  assertThat(e.detail())
                      .contains("from phone " + softphones.endpointOf(supervisor)));
    }
  }

  // ---- helpers ----

  /** Clicks a monitoring button of the call's row (rows are redrawn at every push). */
  private static void click(WebDriver browser, ContactId contact, String mode) {
    page()
        .until(
            () -> {
              browser
                  .findElement(
                      By.cssSelector(
                          "#calls tr[data-contact='"
                              + contact.value()
                              + "'] button[data-mode='"
                              + mode
                              + "']"))
                  .click();
              return true;
            });
  }

  private static String state(WebDriver browser) {
    return browser.findElement(By.id("browser-phone-status")).getDomAttribute("data-state");
  }

  /** The audio level the page's phone receives now (0 silence, 1 full scale). */
  private static double heard(WebDriver browser) {
    Object level =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "ccSupervisorPhone.stats().then(s => done(s ? s.audioLevel : 0),"
                    + " () => done(0));");
    return level instanceof Number n ? n.doubleValue() : 0;
  }

  private static ConditionFactory page() {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .ignoreException(StaleElementReferenceException.class);
  }

  private static ConditionFactory sound() {
    return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100));
  }

  /** A 10 s, 48 kHz, 16-bit mono WAV of a sine tone at {@code hz}. */
  private static Path tone(double hz) {
    int rate = 48_000;
    int samples = rate * 10;
    ByteBuffer wav = ByteBuffer.allocate(44 + 2 * samples).order(ByteOrder.LITTLE_ENDIAN);
    wav.put("RIFF".getBytes()).putInt(36 + 2 * samples).put("WAVE".getBytes());
    wav.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1);
    wav.putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16);
    wav.put("data".getBytes()).putInt(2 * samples);
    for (int i = 0; i < samples; i++) {
      wav.putShort((short) (12_000 * Math.sin(2 * Math.PI * hz * i / rate)));
    }
    try {
      Path file = Files.createTempFile("supervisor-microphone-", ".wav");
      Files.write(file, wav.array());
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
