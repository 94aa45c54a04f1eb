package io.contactcenter.qa.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of QA, under {@code cc.qa}.
 *
 * @param transcription the transcription queue
 * @param sampling which conversations people review
 * @param appeals agents' appeals
 * @param retention how long recordings and transcripts are kept
 * @param complaints how the COMPLAINT rule finds complaints besides its phrases
 */
@Validated
@ConfigurationProperties("cc.qa")
public record QaProperties(
    @Valid @DefaultValue Transcription transcription,
    @Valid @DefaultValue Sampling sampling,
    @Valid @DefaultValue Appeals appeals,
    @Valid @DefaultValue Retention retention,
    @Valid @DefaultValue Complaints complaints) {

  /**
   * Complaints by meaning (ADR 0026, 0028): the speech module's reply classifier and QA's own
   * complaint model label each customer utterance the COMPLAINT rule's phrases did not catch.
   *
   * @param classifier whether to ask them (else phrases alone)
   * @param threshold the least probability of the reply classifier's {@code complaint} intent that
   *     counts, above 0 and at most 1; tuned on the tuning half of a labelled set
   *     (docs/benchmarks.md)
   * @param modelThreshold the least probability of QA's complaint model that counts, above 0 and at
   *     most 1; tuned likewise
   */
  public record Complaints(
      @DefaultValue("true") boolean classifier,
      @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") @DefaultValue("0.2")
          double threshold,
      @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") @DefaultValue("0.9")
          double modelThreshold) {}

  /**
   * The transcription queue.
   *
   * @param enabled whether this instance transcribes (recordings are queued either way)
   * @param workers how many recordings this instance transcribes at once (each takes a core)
   * @param pollInterval how often an idle worker looks for queued recordings
   * @param lease how long a claimed recording stays a worker's without it renewing its claim; a
   *     crashed worker's recordings are taken over after this
   * @param settle how long after the hangup a recording is first tried (MixMonitor closes the file
   *     after the channel is gone)
   * @param maxTries tries before a recording is given up as failed
   * @param segment the most audio one recognition gets (below {@code
   *     cc.asrtts.speech.max-audio-duration}); a longer recording is cut at pauses
   * @param defaultLanguage the language of calls that do not name one (robot calls use their
   *     script's)
   */
  public record Transcription(
      @DefaultValue("true") boolean enabled,
      @Min(1) @Max(16) @DefaultValue("1") int workers,
      @NotNull @DefaultValue("5s") Duration pollInterval,
      @NotNull @DefaultValue("2m") Duration lease,
      @NotNull @DefaultValue("3s") Duration settle,
      @Min(1) @Max(20) @DefaultValue("3") int maxTries,
      @NotNull @DefaultValue("90s") Duration segment,
      @NotBlank @DefaultValue("en") String defaultLanguage) {}

  /**
   * Which scored conversations people review: every auto-fail, and a random share of the rest.
   *
   * @param share the share of conversations without an auto-fail picked at random, 0 to 1
   */
  public record Sampling(@DecimalMin("0") @DecimalMax("1") @DefaultValue("0.1") double share) {}

  /**
   * Agents' appeals.
   *
   * @param window how long after a review the agent may appeal it
   * @param decisionTarget how soon after filing an appeal should be decided; the appeal report
   *     measures against it and the appeals page marks appeals open longer; positive
   */
  public record Appeals(
      @NotNull @DefaultValue("7d") Duration window,
      @NotNull @DefaultValue("48h") Duration decisionTarget) {

    public Appeals {
      if (decisionTarget != null && (decisionTarget.isNegative() || decisionTarget.isZero())) {
        throw new IllegalArgumentException(
            "cc.qa.appeals.decision-target must be positive, not " + decisionTarget);
      }
    }
  }

  /**
   * How long a conversation's recording and transcript are kept after it ended; a conversation with
   * an open appeal keeps both until the appeal is decided. Scores and reviews are kept.
   *
   * @param enabled whether this instance runs the retention job
   * @param recordings how long recording files are kept
   * @param transcripts how long transcripts (and the words quoted on score cards) are kept
   * @param interval how often the job runs
   * @param batch the most recordings and transcripts one run deletes (each)
   */
  public record Retention(
      @DefaultValue("true") boolean enabled,
      @NotNull @DefaultValue("365d") Duration recordings,
      @NotNull @DefaultValue("365d") Duration transcripts,
      @NotNull @DefaultValue("1h") Duration interval,
      @Min(1) @Max(100000) @DefaultValue("1000") int batch) {}
}
