package io.contactcenter.onlinechat.internal;

import io.contactcenter.onlinechat.ChatLanguage;
import io.contactcenter.onlinechat.internal.domain.ClusterReview;
import io.contactcenter.onlinechat.internal.domain.MeaningWeight;
import io.contactcenter.onlinechat.internal.domain.QuestionClusterer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knowledge-base cold start: clusters imported historical questions on a background thread, one job
 * at a time, with progress, then holds the admin's review of the result ({@link ClusterReview}).
 *
 * <p>Jobs are stored in PostgreSQL ({@link JdbcColdStartJobs}, ADR 0048): the questions when the
 * job starts, the clusters when it is done, and every review action, so a restart or another
 * instance shows the same job. The instance running a job renews its heartbeat every {@link
 * #HEARTBEAT}; a running job whose heartbeat is older than {@link #STALE} was interrupted (its
 * instance stopped) and is resumed by exactly one instance, from the start (clustering is
 * deterministic), at most {@link #MAX_ATTEMPTS} times in all; then it fails with the reason.
 * Starting a job keeps the newest {@link #MAX_JOBS} finished ones. Each language has its own
 * clusterer (by words and meaning: its sentence-embedding model).
 *
 * <p>A {@link Job} is this instance's cached copy: {@link #find} refreshes it from the table, and
 * review actions are stored with {@link #saveReview} under the job's monitor.
 */
final class ColdStartJobs implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ColdStartJobs.class);
  static final int MAX_JOBS = 20;

  /** How often the running instance renews a job's heartbeat (and stores its progress). */
  static final Duration HEARTBEAT = Duration.ofSeconds(10);

  /** A running job not renewed for this long was interrupted and is resumed elsewhere. */
  static final Duration STALE = Duration.ofSeconds(60);

  /** Runs of one job in all (the first and the resumptions after restarts). */
  static final int MAX_ATTEMPTS = 3;

  /** Words only, as before meaning was added (ADR 0010). */
  static final double WORDS_THRESHOLD = 0.25;

  /** The similarity threshold and meaning weight of one language's cold start by meaning. */
  record ByMeaning(double threshold, MeaningWeight weight) {}

  /**
   * Chosen on the labelled set's FAQ examples and tune questions (docs/benchmarks.md, ADR 0033).
   */
  static final Map<ChatLanguage, ByMeaning> BY_MEANING =
      Map.of(
          ChatLanguage.EN, new ByMeaning(0.55, new MeaningWeight(0.9, 0.5)),
          ChatLanguage.ZH, new ByMeaning(0.3, new MeaningWeight(0.7, 0.5)));

  /**
   * Each language's clusterer as the application runs it: by words and meaning where the language
   * has a sentence encoder ({@link #BY_MEANING}), else by words only ({@link #WORDS_THRESHOLD}).
   */
  static Map<ChatLanguage, QuestionClusterer> clusterers(SentenceEncoders encoders) {
    Map<ChatLanguage, QuestionClusterer> clusterers = new java.util.EnumMap<>(ChatLanguage.class);
    for (ChatLanguage lang : ChatLanguage.values()) {
      clusterers.put(
          lang,
          encoders
              .of(lang)
              .map(
                  encoder ->
                      new QuestionClusterer(
                          new JiebaTokenizer(),
                          BY_MEANING.get(lang).threshold(),
                          2,
                          encoder,
                          BY_MEANING.get(lang).weight()))
              .orElseGet(() -> new QuestionClusterer(new JiebaTokenizer(), WORDS_THRESHOLD, 2)));
    }
    return clusterers;
  }

  enum State {
    RUNNING,
    DONE,
    FAILED
  }

  /** Where a job's questions came from. */
  enum Source {
    /** An uploaded CSV with a {@code text} column. */
    CSV,
    /** Uploaded JSONL conversations: customer turns and the agents' answers. */
    JSONL,
    /** QA's transcripts of recorded calls: customer turns and the agents' answers. */
    CALLS
  }

  static final class Job {
    final String id;
    final ChatLanguage lang;
    final Source source;
    volatile State state;
    volatile double progress;
    volatile String error;
    volatile int attempts;
    final List<String> texts;
    final List<String> answers;

    /** Rows in no cluster; set once done. */
    volatile List<Integer> unclustered = List.of();

    /** Set once done; guarded by the job's monitor, like every review action. */
    ClusterReview review;

    /** The stored review's version this copy holds; guarded by the job's monitor. */
    int reviewVersion;

    Job(String id, ChatLanguage lang, Source source, List<String> texts, List<String> answers) {
      this.id = id;
      this.lang = lang;
      this.source = source;
      this.texts = texts;
      this.answers = answers;
      this.state = State.RUNNING;
      this.attempts = 1;
    }

    /** Whether any question came with the agent's answer (a conversation upload). */
    boolean hasAnswers() {
      return answers.stream().anyMatch(Objects::nonNull);
    }
  }

  private final Map<String, Job> cache = new ConcurrentHashMap<>();
  private final Set<String> running = ConcurrentHashMap.newKeySet();
  private final Map<ChatLanguage, QuestionClusterer> clusterers;
  private final JdbcColdStartJobs store;
  private final ExecutorService executor;
  private final Clock clock;
  private final String instance;
  private volatile ScheduledExecutorService ticker;

  /**
   * @param executor runs the clustering (CPU-bound: one thread is meant)
   * @param instance this instance's id, unique per process start
   */
  ColdStartJobs(
      Map<ChatLanguage, QuestionClusterer> clusterers,
      JdbcColdStartJobs store,
      ExecutorService executor,
      Clock clock,
      String instance) {
    this.clusterers = Map.copyOf(clusterers);
    this.store = store;
    this.executor = executor;
    this.clock = clock;
    this.instance = instance;
  }

  /** Renews heartbeats and resumes interrupted jobs every {@link #HEARTBEAT}, from now on. */
  void tickOn(ScheduledExecutorService scheduler) {
    this.ticker = scheduler;
    scheduler.scheduleWithFixedDelay(
        this::tickGuarded, 0, HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void tickGuarded() {
    try {
      tick();
    } catch (RuntimeException e) {
      // A database hiccup must not stop the schedule: the next tick tries again.
      log.warn("cold-start heartbeat failed", e);
    }
  }

  Job start(List<String> texts, ChatLanguage lang) {
    return start(texts, Collections.nCopies(texts.size(), null), lang, Source.CSV);
  }

  /**
   * Stores the job, then starts clustering it.
   *
   * @param answers per question, the agent's answer that followed it, or null
   */
  Job start(List<String> texts, List<String> answers, ChatLanguage lang, Source source) {
    if (answers.size() != texts.size()) {
      throw new IllegalArgumentException("one answer (or null) per question");
    }
    Job job =
        new Job(
            UUID.randomUUID().toString(),
            lang,
            source,
            List.copyOf(texts),
            Collections.unmodifiableList(new ArrayList<>(answers)));
    store.deleteOldFinished(MAX_JOBS - 1);
    store.insert(job.id, lang, source, job.texts, job.answers, instance, clock.instant());
    cache.put(job.id, job);
    run(job);
    return job;
  }

  private void run(Job job) {
    QuestionClusterer clusterer = clusterers.get(job.lang);
    running.add(job.id);
    executor.execute(
        () -> {
          try {
            QuestionClusterer.Result result =
                clusterer.cluster(
                    job.texts,
                    p -> {
                      if (Thread.currentThread().isInterrupted()) {
                        throw new java.util.concurrent.CancellationException("shutting down");
                      }
                      job.progress = p;
                    });
            ClusterReview review =
                new ClusterReview(
                    result, job.texts, job.answers, rows -> clusterer.centralRow(job.texts, rows));
            if (!store.finish(
                job.id, instance, review.snapshot(), result.unclustered(), clock.instant())) {
              // Another instance took the job over (this one's heartbeat lapsed): its result wins.
              log.warn("cold start {} was taken over by another instance; result dropped", job.id);
              cache.remove(job.id);
              return;
            }
            synchronized (job) {
              job.review = review;
              job.reviewVersion = 0;
            }
            job.unclustered = result.unclustered();
            job.progress = 1.0;
            job.state = State.DONE;
            log.info(
                "cold start {}: {} questions in {} clusters",
                job.id,
                job.texts.size(),
                result.clusters().size());
          } catch (RuntimeException e) {
            if (executor.isShutdown()) {
              // Stopped with the application: the job stays RUNNING and is resumed later.
              log.info("cold start {} stopped with the application", job.id);
              return;
            }
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            store.fail(job.id, instance, reason, clock.instant());
            job.error = reason;
            job.state = State.FAILED;
            log.warn("cold start {} failed", job.id, e);
          } finally {
            running.remove(job.id);
          }
        });
  }

  /**
   * Renews the heartbeat of the jobs this instance runs, then takes over the running jobs whose
   * instance stopped renewing theirs: one instance wins each (the claim is conditional), runs it
   * again from the stored questions, or fails it once it has been interrupted {@link #MAX_ATTEMPTS}
   * times.
   */
  void tick() {
    Instant now = clock.instant();
    for (String id : List.copyOf(running)) {
      Job job = cache.get(id);
      if (job != null && !store.heartbeat(id, instance, job.progress, now)) {
        log.warn("cold start {} is no longer this instance's", id);
      }
    }
    Instant staleBefore = now.minus(STALE);
    for (String id : store.stale(staleBefore)) {
      if (running.contains(id)) {
        continue;
      }
      Optional<Integer> attempts = store.claim(id, instance, staleBefore, now);
      if (attempts.isEmpty()) {
        continue; // another instance claimed it first
      }
      if (attempts.get() > MAX_ATTEMPTS) {
        store.fail(
            id,
            instance,
            "interrupted "
                + MAX_ATTEMPTS
                + " times (the server stopped while clustering); upload the questions again",
            now);
        cache.remove(id);
        log.warn("cold start {} failed: interrupted {} times", id, MAX_ATTEMPTS);
        continue;
      }
      JdbcColdStartJobs.Stored stored = store.load(id).orElse(null);
      if (stored == null) {
        continue; // deleted meanwhile
      }
      Job job = job(stored);
      cache.put(id, job);
      log.info("cold start {} resumed after an interruption (attempt {})", id, attempts.get());
      run(job);
    }
  }

  /** The job as stored now, or empty if there is none (never started, or dropped as old). */
  Optional<Job> find(String id) {
    Optional<JdbcColdStartJobs.Status> status = store.status(id);
    if (status.isEmpty()) {
      cache.remove(id);
      return Optional.empty();
    }
    JdbcColdStartJobs.Status s = status.get();
    Job job = cache.get(id);
    boolean stale =
        job == null
            || (!running.contains(id) && (job.state != s.state() || job.attempts != s.attempts()));
    if (stale) {
      Optional<JdbcColdStartJobs.Stored> stored = store.load(id);
      if (stored.isEmpty()) {
        cache.remove(id);
        return Optional.empty();
      }
      job = job(stored.get());
      cache.put(id, job);
      return Optional.of(job);
    }
    if (!running.contains(id)) {
      job.state = s.state();
      job.progress = s.progress();
      job.error = s.error();
      job.attempts = s.attempts();
    }
    if (s.state() == State.DONE) {
      synchronized (job) {
        if (job.review != null && job.reviewVersion != s.reviewVersion()) {
          reloadReview(job);
        }
      }
    }
    return Optional.of(job);
  }

  /**
   * Stores the review after an action on it (the caller holds the job's monitor). If another
   * instance stored an action since this copy was read, the action is undone here and refused.
   */
  void saveReview(Job job) {
    if (store.saveReview(job.id, job.review.snapshot(), job.reviewVersion)) {
      job.reviewVersion++;
      return;
    }
    reloadReview(job);
    throw new ChatRefusedException(
        ChatRefusedException.Kind.COLD_START_REVIEW_CHANGED,
        "the review of cold-start job " + job.id + " was changed meanwhile; reload it and retry");
  }

  private void reloadReview(Job job) {
    store
        .review(job.id)
        .ifPresent(
            at -> {
              job.review = review(job, at.review());
              job.reviewVersion = at.version();
            });
  }

  private Job job(JdbcColdStartJobs.Stored stored) {
    Job job =
        new Job(stored.id(), stored.lang(), stored.source(), stored.texts(), stored.answers());
    JdbcColdStartJobs.Status s = stored.status();
    job.state = s.state();
    job.progress = s.progress();
    job.error = s.error();
    job.attempts = s.attempts();
    job.unclustered = stored.unclustered();
    if (stored.review() != null) {
      synchronized (job) {
        job.review = review(job, stored.review());
        job.reviewVersion = s.reviewVersion();
      }
    }
    return job;
  }

  private ClusterReview review(Job job, ClusterReview.Snapshot snapshot) {
    QuestionClusterer clusterer = clusterers.get(job.lang);
    return ClusterReview.restore(
        snapshot, job.texts, job.answers, rows -> clusterer.centralRow(job.texts, rows));
  }

  /**
   * Stops this instance's work with the application context: a job still running keeps its stored
   * RUNNING state and is resumed once its heartbeat is stale.
   */
  @Override
  public void close() {
    ScheduledExecutorService t = ticker;
    if (t != null) {
      t.shutdownNow();
    }
    executor.shutdownNow();
  }
}
