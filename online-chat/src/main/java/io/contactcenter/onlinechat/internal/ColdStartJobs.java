package io.contactcenter.onlinechat.internal;

import io.contactcenter.onlinechat.ChatLanguage;
import io.contactcenter.onlinechat.internal.domain.ClusterReview;
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
 * at a time, with progress, then holds the admin's review of the result ({@link ClusterReview}).
 * Jobs live in memory (a result is a proposal to review, not data to keep): a restart forgets them,
 * reviewed or not, and so does starting a job when {@link #MAX_JOBS} are kept (the finished ones
 * go). Each language has its own clusterer (by words and meaning: its sentence-embedding model).
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
    final List<String> texts;
    final List<String> answers;

    /** Set once done; guarded by the job's monitor, like every review action. */
    ClusterReview review;

    Job(String id, ChatLanguage lang, List<String> texts, List<String> answers) {
      this.id = id;
      this.lang = lang;
      this.texts = texts;
      this.answers = answers;
    }

    /** Whether any question came with the agent's answer (a conversation upload). */
    boolean hasAnswers() {
      return answers.stream().anyMatch(java.util.Objects::nonNull);
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
    return start(texts, java.util.Collections.nCopies(texts.size(), null), lang);
  }

  /**
   * @param answers per question, the agent's answer that followed it, or null
   */
  Job start(List<String> texts, List<String> answers, ChatLanguage lang) {
    if (answers.size() != texts.size()) {
      throw new IllegalArgumentException("one answer (or null) per question");
    }
    if (jobs.size() >= MAX_JOBS) {
      jobs.values().removeIf(j -> j.state != State.RUNNING);
    }
    Job job =
        new Job(
            UUID.randomUUID().toString(),
            lang,
            List.copyOf(texts),
            java.util.Collections.unmodifiableList(new java.util.ArrayList<>(answers)));
    QuestionClusterer clusterer = clusterers.get(lang);
    jobs.put(job.id, job);
    executor.execute(
        () -> {
          try {
            QuestionClusterer.Result result = clusterer.cluster(job.texts, p -> job.progress = p);
            synchronized (job) {
              job.review =
                  new ClusterReview(
                      result,
                      job.texts,
                      job.answers,
                      rows -> clusterer.centralRow(job.texts, rows));
            }
            job.result = result;
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
