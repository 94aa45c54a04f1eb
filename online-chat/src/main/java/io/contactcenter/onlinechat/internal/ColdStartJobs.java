package io.contactcenter.onlinechat.internal;

import io.contactcenter.onlinechat.ChatLanguage;
import io.contactcenter.onlinechat.internal.domain.MeaningWeight;
import io.contactcenter.onlinechat.internal.domain.QuestionClusterer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knowledge-base cold start: clusters imported historical questions on a background thread, one job
 * at a time, with progress. Jobs live in memory (a result is a proposal to review, not data to
 * keep); a restart forgets them. Each language has its own clusterer (by words and meaning: its
 * sentence-embedding model).
 */
final class ColdStartJobs implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ColdStartJobs.class);
  static final int MAX_JOBS = 20;

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

  enum State {
    RUNNING,
    DONE,
    FAILED
  }

  static final class Job {
    final String id;
    final ChatLanguage lang;
    volatile State state = State.RUNNING;
    volatile double progress;
    volatile QuestionClusterer.Result result;
    volatile String error;

    Job(String id, ChatLanguage lang) {
      this.id = id;
      this.lang = lang;
    }
  }

  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final Map<ChatLanguage, QuestionClusterer> clusterers;
  private final ExecutorService executor;

  ColdStartJobs(Map<ChatLanguage, QuestionClusterer> clusterers, ExecutorService executor) {
    this.clusterers = Map.copyOf(clusterers);
    this.executor = executor;
  }

  Job start(List<String> texts, ChatLanguage lang) {
    if (jobs.size() >= MAX_JOBS) {
      jobs.values().removeIf(j -> j.state != State.RUNNING);
    }
    Job job = new Job(UUID.randomUUID().toString(), lang);
    jobs.put(job.id, job);
    executor.execute(
        () -> {
          try {
            job.result = clusterers.get(lang).cluster(texts, p -> job.progress = p);
            job.progress = 1.0;
            job.state = State.DONE;
            log.info(
                "cold start {}: {} questions in {} clusters",
                job.id,
                texts.size(),
                job.result.clusters().size());
          } catch (RuntimeException e) {
            job.error = e.getMessage();
            job.state = State.FAILED;
            log.warn("cold start {} failed", job.id, e);
          }
        });
    return job;
  }

  Optional<Job> find(String id) {
    return Optional.ofNullable(jobs.get(id));
  }

  /** Stops a running job with the application context. */
  @Override
  public void close() {
    executor.shutdownNow();
  }
}
