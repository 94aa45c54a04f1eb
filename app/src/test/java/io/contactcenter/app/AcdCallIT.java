package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contactcenter.routing.AgentDesk;
import io.contactcenter.routing.AgentDirectory;
import io.contactcenter.routing.AgentSettings;
import io.contactcenter.routing.AgentState;
import io.contactcenter.routing.AgentStatus;
import io.contactcenter.routing.ContactAbandoned;
import io.contactcenter.routing.ContactAccepted;
import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactCompleted;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.ContactOffered;
import io.contactcenter.routing.ContactQueued;
import io.contactcenter.routing.ContactRouting;
import io.contactcenter.routing.QueueAdmin;
import io.contactcenter.routing.QueueSettings;
import io.contactcenter.routing.WaitingContact;
import io.contactcenter.testinfra.CapturedEvents;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.LocalAsterisk;
import io.contactcenter.testinfra.Sipp;
import io.contactcenter.testinfra.TestInfrastructure;
import io.contactcenter.testinfra.WithSharedAsterisk;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ACD with real calls: SIPp callers dial straight into the app's ACD on the real Asterisk
 * ({@code [acd-test]}: 4200 normal, 4201 VIP) and hear music on hold; agents' phones are SIPp
 * phones behind the test trunk ({@code uas-answer-or-ring.xml}: a number ending in 0 rings and
 * never answers, any other answers and streams audio), rung by AMI Originate and bridged with the
 * waiting caller when they answer.
 */
@ContactCenterIT
@WithSharedAsterisk
class AcdCallIT {

  static final LocalAsterisk asterisk = TestInfrastructure.asterisk();

  @Autowired ContactRouting routing;
  @Autowired AgentDesk desk;
  @Autowired AgentDirectory agents;
  @Autowired CapturedEvents events;
  @Autowired JdbcClient jdbc;
  @Autowired QueueAdmin queues;
  @Autowired io.contactcenter.asrtts.SpeechSynthesizer tts;

  private final List<String> loggedIn = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** One thread per SIPp caller: the common pool has a single worker on a 2-core machine. */
  private final java.util.concurrent.ExecutorService callers =
      java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

  @org.junit.jupiter.api.BeforeEach
  void clearTheLine() {
    // Voice contacts other tests left waiting (callers, callbacks between attempts) must not take
    // this test's agents or places in line.
    withdrawWaitingVoiceContacts();
  }

  @AfterEach
  void logOutAndClearTheLine() {
    loggedIn.forEach(desk::logOut);
    // A caller or callback of a failed test must not be offered to the next test's agents.
    withdrawWaitingVoiceContacts();
    callers.shutdownNow();
  }

  private void withdrawWaitingVoiceContacts() {
    jdbc.sql("SELECT id FROM routing_contact WHERE state = 'WAITING' AND channel = 'VOICE'")
        .query(String.class)
        .list()
        .forEach(
            id ->
                routing.withdraw(
                    new ContactId(id), io.contactcenter.routing.WithdrawReason.CANCELLED));
  }

  @Test
  void aVipCallerWhoArrivesLaterIsAnsweredFirstByTheReadyAgentsPhone() throws Exception {
    String agent = agent("11");
    try (Sipp.Answering phone = Sipp.phonesBehindTrunk(asterisk, 2, null)) {
      // The normal caller stays on the line long enough to wait for the VIP's whole call, with
      // room for a loaded machine (parallel test JVMs) to be slow in ringing the agent twice.
      CompletableFuture<Sipp.Result> normal = call("4200", Duration.ofSeconds(60));
      ContactId normalId = awaitWaiting(Set.of()).id();
      CompletableFuture<Sipp.Result> vip = call("4201", Duration.ofSeconds(10));
      ContactId vipId = awaitWaiting(Set.of(normalId)).id();
      assertThat(routing.waiting())
          .as("the VIP who came later is first in line")
          .filteredOn(w -> w.channel() == ContactChannel.VOICE)
          .extracting(WaitingContact::id)
          .containsExactly(vipId, normalId);

      desk.ready(agent);

      awaitOrExplain(
          Duration.ofSeconds(90),
          () -> acceptedOf(Set.of(vipId, normalId)).size() == 2,
          agent,
          Set.of(vipId, normalId),
          phone);
      assertThat(acceptedOf(Set.of(vipId, normalId)))
          .extracting(ContactAccepted::id)
          .containsExactly(vipId, normalId);
      assertThat(acceptedOf(Set.of(vipId, normalId)))
          .allSatisfy(a -> assertThat(a.agentId()).isEqualTo(agent));

      Sipp.Result vipCall = vip.get();
      Sipp.Result normalCall = normal.get();
      assertThat(vipCall.succeeded()).as("VIP caller:%n%s", vipCall.output()).isTrue();
      assertThat(normalCall.succeeded()).as("normal caller:%n%s", normalCall.output()).isTrue();
      // Each call ended by the caller's hang-up while bridged: completed, after some talk.
      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> completedOf(Set.of(vipId, normalId)).size() == 2);
      assertThat(completedOf(Set.of(vipId, normalId)))
          .allSatisfy(c -> assertThat(c.handledMillis()).isGreaterThan(2000));
      assertThat(state(vipId)).isEqualTo("COMPLETED");
      Sipp.Result answered = phone.await(Duration.ofSeconds(30));
      assertThat(answered.succeeded()).as("agent phone:%n%s", answered.output()).isTrue();
    }
  }

  @Test
  void anAgentWhoDoesNotAnswerIsSkippedAndSetNotReady() throws Exception {
    String silent = agent("20"); // ends in 0: rings, never answers
    String other = agent("21");
    try (Sipp.Answering phones = Sipp.phonesBehindTrunk(asterisk, 2, null)) {
      desk.ready(silent);
      desk.ready(other); // the silent agent has been idle longer: offered first
      CompletableFuture<Sipp.Result> caller = call("4200", Duration.ofSeconds(45));

      ContactId id =
          await()
              .atMost(Duration.ofSeconds(60))
              .until(
                  () ->
                      events.ofType(ContactAccepted.class).stream()
                          .filter(a -> a.agentId().equals(other))
                          .map(ContactAccepted::id)
                          .findFirst()
                          .orElse(null),
                  a -> a != null);
      assertThat(offersOf(id)).containsExactly(silent, other);
      AgentStatus skipped = desk.status(silent);
      assertThat(skipped.state()).isEqualTo(AgentState.NOT_READY);
      assertThat(skipped.reason()).isIn("ring timeout", "phone did not answer");

      Sipp.Result call = caller.get();
      assertThat(call.succeeded()).as("caller:%n%s", call.output()).isTrue();
      await().atMost(Duration.ofSeconds(15)).until(() -> state(id).equals("COMPLETED"));
      phones.stop(Duration.ofSeconds(5));
    }
  }

  @Test
  void aCallerWhoHangsUpInQueueIsAbandonedAndNeverOffered() throws Exception {
    agent("31"); // logged in, not ready: the caller is held, nobody is offered the call
    Sipp.Result call = call("4200", Duration.ofSeconds(4)).get();
    assertThat(call.succeeded()).as("caller:%n%s", call.output()).isTrue();

    ContactAbandoned abandoned =
        await()
            .atMost(Duration.ofSeconds(15))
            .until(
                () ->
                    events.ofType(ContactAbandoned.class).stream()
                        .filter(a -> a.channel() == ContactChannel.VOICE)
                        .filter(a -> a.waitedMillis() >= 3000 && a.waitedMillis() < 10_000)
                        .reduce((a, b) -> b)
                        .orElse(null),
                a -> a != null);
    assertThat(offersOf(abandoned.id())).isEmpty();
    assertThat(state(abandoned.id())).isEqualTo("ABANDONED");
    assertThat(routing.waiting()).extracting(WaitingContact::id).doesNotContain(abandoned.id());
  }

  @Test
  void anAgentWhosePhoneIsNotRegisteredIsSetNotReadyAndTheCallerKeepsWaiting() throws Exception {
    String agent = "acd-unreg-" + UUID.randomUUID().toString().substring(0, 8);
    agents.save(new AgentSettings(agent, Map.of("support", 3), 0, 0, 0, "agent1002"));
    desk.logIn(agent);
    loggedIn.add(agent);
    desk.ready(agent);
    CompletableFuture<Sipp.Result> caller = call("4200", Duration.ofSeconds(8));

    AgentStatus status =
        await()
            .atMost(Duration.ofSeconds(15))
            .until(() -> desk.status(agent), s -> s.state() == AgentState.NOT_READY);
    assertThat(status.reason()).isEqualTo("phone did not answer");
    assertThat(routing.waiting())
        .anySatisfy(w -> assertThat(w.channel()).isEqualTo(ContactChannel.VOICE));
    assertThat(caller.get().succeeded()).isTrue();
  }

  @Test
  void aCallerWhoTakesTheCallbackOfferKeepsThePlaceAndIsCalledBackWhenAnAgentIsFree()
      throws Exception {
    // The announcement is synthesized: the engine's first start must not eat the caller's key.
    tts.synthesize("You are number 1 in line.", null);
    String agent = agent("41"); // logged in, not ready: callers wait and hear announcements
    // Line 4203: the caller's number is known, 2 s of music between announcements; presses 1
    // 6 s into the call, over the first announcement's callback offer.
    CompletableFuture<Sipp.Result> caller =
        CompletableFuture.supplyAsync(
            () ->
                Sipp.scenario("acd-caller-keys.xml")
                    .service("4203")
                    .key("digits", "1")
                    .pause(Duration.ofSeconds(6))
                    .timeout(Duration.ofSeconds(90))
                    .callAsterisk(asterisk.ports().sip()),
            callers);
    ContactId first = awaitWaiting(Set.of()).id();

    Sipp.Result call = caller.get();
    assertThat(call.succeeded()).as("caller:%n%s", call.output()).isTrue();
    assertThat(
            jdbc.sql("SELECT callback_number FROM routing_contact WHERE id = ?")
                .param(first.value())
                .query(String.class)
                .single())
        .isEqualTo("+8613800138002");
    // The caller hung up, yet the contact waits: a callback is not abandoned.
    assertThat(state(first)).isEqualTo("WAITING");
    assertThat(routing.place(first))
        .hasValueSatisfying(p -> assertThat(p.callback()).isTrue())
        .hasValueSatisfying(p -> assertThat(p.position()).isEqualTo(1));

    // A caller who comes later waits behind the callback's original place.
    CompletableFuture<Sipp.Result> later = call("4200", Duration.ofSeconds(20));
    ContactId second = awaitWaiting(Set.of(first)).id();
    assertThat(routing.waiting())
        .filteredOn(w -> w.channel() == ContactChannel.VOICE)
        .extracting(WaitingContact::id)
        .containsExactly(first, second);
    assertThat(routing.place(second))
        .hasValueSatisfying(p -> assertThat(p.position()).isEqualTo(2));

    java.nio.file.Path trace = java.nio.file.Files.createTempFile("acd-callback", ".log");
    try (Sipp.Answering phones = Sipp.phonesBehindTrunk(asterisk, 2, trace)) {
      desk.ready(agent);

      // The agent's phone rings first for the callback; answering it dials the customer.
      await().atMost(Duration.ofSeconds(30)).until(() -> acceptedOf(Set.of(first)).size() == 1);
      assertThat(acceptedOf(Set.of(first)).getFirst().agentId()).isEqualTo(agent);
      assertThat(offersOf(second)).isEmpty();
      // The customer's phone answers (200, then the ACK): only then is the callback answered.
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> Sipp.callsAnswered(trace).containsValue("8613800138002"));

      // The agent's call ends (the agent hangs up): the callback is complete.
      asterisk.cli("channel request hangup all");
      awaitOrExplain(
          Duration.ofSeconds(15),
          () -> state(first).equals("COMPLETED"),
          agent,
          Set.of(first),
          phones);
      phones.stop(Duration.ofSeconds(5));
    }
    later.get();
  }

  @Test
  void outsideTheQueuesOpeningHoursACallIsNotQueued() throws Exception {
    agent("51"); // logged in: only the hours keep the call out
    QueueSettings support =
        queues.queues().stream().filter(q -> q.id().equals("support")).findFirst().orElseThrow();
    // Closed every day, and today is a holiday as well.
    QueueSettings closed =
        new QueueSettings(
            support.id(),
            support.skill(),
            support.weight(),
            support.strategy(),
            support.serviceLevelSeconds(),
            support.steps(),
            new QueueSettings.Hours(
                "Asia/Shanghai",
                Map.of(),
                List.of(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString()),
                List.of(),
                List.of()));
    int queuedBefore = events.ofType(ContactQueued.class).size();
    queues.save(closed);
    try {
      assertThat(routing.isOpen("support")).isFalse();
      Sipp.Result call =
          Sipp.scenario("acd-caller-keys.xml")
              .service("4200")
              .key("digits", "1")
              .pause(Duration.ofMillis(1))
              .timeout(Duration.ofSeconds(60))
              .callAsterisk(asterisk.ports().sip());
      // Asterisk said goodbye and hung up.
      assertThat(call.succeeded()).as("caller:%n%s", call.output()).isTrue();
    } finally {
      queues.save(support);
    }
    assertThat(routing.isOpen("support")).isTrue();
    assertThat(events.ofType(ContactQueued.class)).hasSize(queuedBefore);
  }

  // ---- helpers ----

  /** A ready-to-log-in agent whose phone is {@code agent-<suffix>} behind the test trunk. */
  private String agent(String phoneSuffix) {
    String agent = "acd-" + phoneSuffix + "-" + UUID.randomUUID().toString().substring(0, 6);
    agents.save(
        new AgentSettings(
            agent, Map.of("support", 3), 0, 0, 0, "agent-" + phoneSuffix + "@trunk-test"));
    desk.logIn(agent);
    loggedIn.add(agent);
    return agent;
  }

  private CompletableFuture<Sipp.Result> call(String number, Duration onTheLine) {
    return CompletableFuture.supplyAsync(
        () ->
            Sipp.scenario("acd-caller.xml")
                .service(number)
                .pause(onTheLine)
                .timeout(onTheLine.plusSeconds(30))
                .callAsterisk(asterisk.ports().sip()),
        callers);
  }

  /**
   * Waits for {@code condition}; on time-out says what the ACD, Asterisk and the agent's phone were
   * doing.
   */
  private void awaitOrExplain(
      Duration atMost,
      java.util.concurrent.Callable<Boolean> condition,
      String agent,
      Set<ContactId> contacts,
      Sipp.Answering phone) {
    try {
      await().atMost(atMost).until(condition);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      StringBuilder why = new StringBuilder("not within " + atMost + "; agent ");
      why.append(agent).append(": ").append(desk.status(agent));
      for (ContactId id : contacts) {
        why.append("\ncontact ").append(id).append(": ").append(state(id));
        why.append(", offered to ").append(offersOf(id));
        why.append(", accepted ").append(acceptedOf(Set.of(id)));
        why.append(", completed ").append(completedOf(Set.of(id)));
      }
      why.append("\nwaiting: ").append(routing.waiting());
      why.append("\nchannels:\n").append(asterisk.cli("core show channels concise"));
      why.append("\nagent's phone (SIPp, last screen):\n").append(lastLines(phone.log(), 40));
      throw new AssertionError(why.toString(), e);
    }
  }

  private static String lastLines(java.nio.file.Path file, int count) {
    try {
      List<String> lines =
          java.nio.file.Files.readAllLines(file, java.nio.charset.StandardCharsets.ISO_8859_1);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      return "(cannot read " + file + ": " + e + ")";
    }
  }

  private WaitingContact awaitWaiting(Set<ContactId> besides) {
    return await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                routing.waiting().stream()
                    .filter(w -> w.channel() == ContactChannel.VOICE)
                    .filter(w -> !besides.contains(w.id()))
                    .findFirst()
                    .orElse(null),
            w -> w != null);
  }

  private List<ContactAccepted> acceptedOf(Set<ContactId> ids) {
    return events.ofType(ContactAccepted.class).stream().filter(a -> ids.contains(a.id())).toList();
  }

  private List<ContactCompleted> completedOf(Set<ContactId> ids) {
    return events.ofType(ContactCompleted.class).stream()
        .filter(c -> ids.contains(c.id()))
        .toList();
  }

  private List<String> offersOf(ContactId id) {
    return events.ofType(ContactOffered.class).stream()
        .filter(o -> o.id().equals(id))
        .map(ContactOffered::agentId)
        .toList();
  }

  private String state(ContactId id) {
    return jdbc.sql("SELECT state FROM routing_contact WHERE id = ?")
        .param(id.value())
        .query(String.class)
        .single();
  }
}
