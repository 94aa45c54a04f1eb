package io.contactcenter.onlinechat.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.contactcenter.onlinechat.ChatLanguage;
import io.contactcenter.onlinechat.internal.domain.ClusterReview;
import io.contactcenter.onlinechat.internal.domain.QuestionClusterer;
import io.contactcenter.testinfra.MutableClock;
import io.contactcenter.testinfra.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Cold-start jobs on the real PostgreSQL with the module's migrations (V137), several instances
 * sharing the table as app instances or restarts would: a finished job and its review outlive the
 * instance that made them; a job whose instance stopped mid-run is resumed by exactly one other
 * instance and finished once, even when the stopped one comes back; a job interrupted too often
 * fails with the reason; two admins' edits of one review do not overwrite each other.
 */
class ColdStartJobsIT {

  static HikariDataSource db;
  static JdbcClient jdbc;

  final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T00:00:00Z"));
  final List<ColdStartJobs> instances = new ArrayList<>();
  final List<CountDownLatch> stalled = new ArrayList<>();

  /** A database of its own on the project's test PostgreSQL, with this module's migrations. */
  static HikariDataSource database() {
    return TestInfrastructure.moduleDatabase(4);
  }

  @BeforeAll
  static void start() {
    db = database();
    jdbc = JdbcClient.create(db);
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  @BeforeEach
  void emptyTable() {
    jdbc.sql("TRUNCATE chat_cold_start_job").update();
  }

  @AfterEach
  void closeInstances() {
    stalled.forEach(CountDownLatch::countDown);
    instances.forEach(ColdStartJobs::close);
  }

  /** An instance of the application's cold start, sharing the table and the clock. */
  ColdStartJobs instance(String name) {
    return instance(name, Executors.newSingleThreadExecutor());
  }

  /**
   * An instance whose clustering thread is busy until the test ends: a job it starts or claims is
   * stored as running but not run, as when its process stops right after.
   */
  ColdStartJobs stalledInstance(String name) {
    ExecutorService executor = Executors.newSingleThreadExecutor();
    CountDownLatch release = new CountDownLatch(1);
    stalled.add(release);
    executor.execute(
        () -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    return instance(name, executor);
  }

  private ColdStartJobs instance(String name, ExecutorService executor) {
    ColdStartJobs jobs =
        new ColdStartJobs(
            Map.of(
                ChatLanguage.EN,
                new QuestionClusterer(new JiebaTokenizer(), ColdStartJobs.WORDS_THRESHOLD, 2)),
            new JdbcColdStartJobs(jdbc, new ObjectMapper()),
            executor,
            clock,
            name);
    instances.add(jobs);
    return jobs;
  }

  static ConversationImport.Result conversations() throws Exception {
    try (var in = ColdStartJobsIT.class.getResourceAsStream("/kb/cold-start/conversations.jsonl")) {
      return ConversationImport.read(
          new String(in.readAllBytes(), StandardCharsets.UTF_8), new ObjectMapper());
    }
  }

  static ColdStartJobs.Job done(ColdStartJobs jobs, String id) {
    AtomicReference<ColdStartJobs.Job> found = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              found.set(jobs.find(id).orElseThrow());
              return found.get().state != ColdStartJobs.State.RUNNING;
            });
    return found.get();
  }

  @Test
  void conversationsAreClusteredWithTheAgentsMostFrequentAnswerProposed() throws Exception {
    ConversationImport.Result upload = conversations();
    ColdStartJobs jobs = instance("a");

    String id =
        jobs.start(upload.texts(), upload.answers(), ChatLanguage.EN, ColdStartJobs.Source.JSONL)
            .id;
    ColdStartJobs.Job job = done(jobs, id);

    assertThat(job.state).isEqualTo(ColdStartJobs.State.DONE);
    assertThat(job.hasAnswers()).isTrue();
    ClusterReview review = job.review;
    ClusterReview.Cluster refunds =
        review.clusters().stream().filter(c -> c.rows().contains(1)).findFirst().orElseThrow();
    assertThat(refunds.rows()).contains(1, 2, 3);
    assertThat(review.proposedAnswer(refunds).text())
        .isEqualTo("Refunds reach your card within 5 working days.");
    assertThat(job.unclustered).contains(0); // "hello"

    ClusterReview.Outcome self = review.merge(refunds.id(), refunds.id());
    ChatRefusedException problem = ColdStartController.refusal((ClusterReview.Refused) self);
    assertThat(problem.kind).isEqualTo(ChatRefusedException.Kind.CLUSTER_REVIEW);
    assertThat(problem.reason).isEqualTo("same-cluster");
    assertThat(problem.arguments).containsExactly(refunds.id());
    assertThat(ColdStartController.refusal((ClusterReview.Refused) review.rename("c99", "x")).kind)
        .isEqualTo(ChatRefusedException.Kind.CLUSTER_NOT_FOUND);
  }

  @Test
  void aFinishedJobAndItsReviewOutliveARestart() throws Exception {
    ConversationImport.Result upload = conversations();
    ColdStartJobs before = instance("before-restart");
    String id =
        before.start(upload.texts(), upload.answers(), ChatLanguage.EN, ColdStartJobs.Source.JSONL)
            .id;
    ColdStartJobs.Job job = done(before, id);
    String refunds;
    synchronized (job) {
      refunds =
          job.review.clusters().stream()
              .filter(c -> c.rows().contains(1))
              .findFirst()
              .orElseThrow()
              .id();
      assertThat(job.review.rename(refunds, "退款多久到账 / refund time"))
          .isInstanceOf(ClusterReview.Applied.class);
      before.saveReview(job);
    }
    List<ClusterReview.Cluster> clusters = job.review.clusters();
    before.close();

    ColdStartJobs after = instance("after-restart");
    ColdStartJobs.Job again = after.find(id).orElseThrow();

    assertThat(again.state).isEqualTo(ColdStartJobs.State.DONE);
    assertThat(again.source).isEqualTo(ColdStartJobs.Source.JSONL);
    assertThat(again.texts).isEqualTo(upload.texts());
    assertThat(again.review.clusters()).isEqualTo(clusters);
    assertThat(again.review.clusters())
        .filteredOn(c -> c.id().equals(refunds))
        .singleElement()
        .satisfies(c -> assertThat(c.title()).isEqualTo("退款多久到账 / refund time"));
    assertThat(again.review.proposedAnswer(clusters.get(0))).isNotNull();
    assertThat(again.unclustered).contains(0);
  }

  @Test
  void aJobInterruptedByARestartIsResumedOnceAndFinishedOnce() throws Exception {
    ConversationImport.Result upload = conversations();
    ColdStartJobs stopped = stalledInstance("stopped");
    String id =
        stopped.start(upload.texts(), upload.answers(), ChatLanguage.EN, ColdStartJobs.Source.JSONL)
            .id;
    ColdStartJobs b = instance("b");
    ColdStartJobs c = instance("c");

    // Within the heartbeat's grace the job is left alone: its instance may just be slow.
    clock.advance(ColdStartJobs.STALE.minusSeconds(1));
    b.tick();
    c.tick();
    assertThat(b.find(id).orElseThrow().attempts).isEqualTo(1);

    // Its instance stopped renewing it: two instances look for interrupted jobs at once.
    clock.advance(Duration.ofSeconds(2));
    Thread tb = Thread.ofPlatform().start(b::tick);
    Thread tc = Thread.ofPlatform().start(c::tick);
    tb.join();
    tc.join();

    ColdStartJobs.Job job = done(b, id);
    assertThat(job.state).isEqualTo(ColdStartJobs.State.DONE);
    assertThat(job.attempts).isEqualTo(2); // resumed once, by one of them
    assertThat(
            jdbc.sql("SELECT owner FROM chat_cold_start_job WHERE job_id = ?")
                .param(id)
                .query(String.class)
                .list())
        .singleElement()
        .isIn("b", "c");
    List<ClusterReview.Cluster> clusters = job.review.clusters();
    assertThat(clusters).isNotEmpty();

    // The stopped instance comes back to life and finishes its copy: it is no longer the owner,
    // so its result is dropped instead of overwriting (or duplicating) the stored one.
    stalled.forEach(CountDownLatch::countDown);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> stopped.find(id).orElseThrow().state == ColdStartJobs.State.DONE);
    assertThat(jdbc.sql("SELECT count(*) FROM chat_cold_start_job").query(Integer.class).single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT attempts FROM chat_cold_start_job WHERE job_id = ?")
                .param(id)
                .query(Integer.class)
                .single())
        .isEqualTo(2);
    assertThat(instance("d").find(id).orElseThrow().review.clusters()).isEqualTo(clusters);
  }

  @Test
  void aJobInterruptedTooOftenFailsWithTheReason() {
    ColdStartJobs first = stalledInstance("first");
    String id =
        first.start(List.of("where is my parcel", "where is my package"), ChatLanguage.EN).id;
    for (int restart = 1; restart < ColdStartJobs.MAX_ATTEMPTS; restart++) {
      clock.advance(ColdStartJobs.STALE.plusSeconds(1));
      stalledInstance("restart-" + restart).tick();
    }
    assertThat(instance("x").find(id).orElseThrow().attempts).isEqualTo(ColdStartJobs.MAX_ATTEMPTS);
    assertThat(instance("y").find(id).orElseThrow().state).isEqualTo(ColdStartJobs.State.RUNNING);

    clock.advance(ColdStartJobs.STALE.plusSeconds(1));
    instance("last").tick();

    ColdStartJobs.Job job = instance("admin").find(id).orElseThrow();
    assertThat(job.state).isEqualTo(ColdStartJobs.State.FAILED);
    assertThat(job.error).contains("interrupted 3 times").contains("upload the questions again");
  }

  @Test
  void aRunningInstanceKeepsItsJobByRenewingTheHeartbeat() throws Exception {
    ColdStartJobs owner = stalledInstance("owner");
    String id =
        owner.start(List.of("where is my parcel", "where is my package"), ChatLanguage.EN).id;
    ColdStartJobs other = instance("other");
    for (int i = 0; i < 10; i++) {
      clock.advance(ColdStartJobs.HEARTBEAT);
      owner.tick();
      other.tick();
    }
    ColdStartJobs.Job job = other.find(id).orElseThrow();
    assertThat(job.state).isEqualTo(ColdStartJobs.State.RUNNING);
    assertThat(job.attempts).isEqualTo(1);
  }

  @Test
  void twoAdminsEditingOneReviewDoNotOverwriteEachOther() throws Exception {
    ConversationImport.Result upload = conversations();
    ColdStartJobs one = instance("one");
    String id =
        one.start(upload.texts(), upload.answers(), ChatLanguage.EN, ColdStartJobs.Source.JSONL).id;
    ColdStartJobs.Job mine = done(one, id);
    ColdStartJobs two = instance("two");
    ColdStartJobs.Job theirs = two.find(id).orElseThrow();
    String cluster = mine.review.clusters().get(0).id();

    synchronized (mine) {
      mine.review.rename(cluster, "mine");
      one.saveReview(mine);
    }
    synchronized (theirs) {
      theirs.review.discard(cluster);
      assertThatThrownBy(() -> two.saveReview(theirs))
          .isInstanceOfSatisfying(
              ChatRefusedException.class,
              e ->
                  assertThat(e.kind)
                      .isEqualTo(ChatRefusedException.Kind.COLD_START_REVIEW_CHANGED));
      // Refused and reloaded: the other admin's rename shows, the discard is undone.
      assertThat(theirs.review.discarded()).isEmpty();
    }
    ColdStartJobs.Job fresh = instance("three").find(id).orElseThrow();
    assertThat(fresh.review.clusters())
        .filteredOn(c -> c.id().equals(cluster))
        .singleElement()
        .satisfies(c -> assertThat(c.title()).isEqualTo("mine"));
  }
}
