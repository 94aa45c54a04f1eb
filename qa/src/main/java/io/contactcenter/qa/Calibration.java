package io.contactcenter.qa;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A calibration as one person sees it.
 *
 * @param lead the QA lead who started it; their submission is the reference
 * @param items the rules on the conversation's score card when it started
 * @param submitted how many people have submitted
 * @param submittedByViewer whether the person looking has; until then {@code scores} is empty and
 *     {@code result} null, so nobody is swayed by the others
 * @param scores every submission, the lead's first (empty until the viewer submitted)
 * @param result the spread (null until the viewer submitted)
 */
public record Calibration(
    UUID id,
    String conversationId,
    String lead,
    String note,
    Instant createdAt,
    List<Item> items,
    int submitted,
    boolean submittedByViewer,
    List<Submission> scores,
    Result result) {

  public Calibration {
    items = List.copyOf(items);
    scores = List.copyOf(scores);
  }

  /**
   * One item: a rule of the score card.
   *
   * @param automaticallyMet what the automatic scoring found
   */
  public record Item(UUID ruleId, String ruleName, String section, boolean automaticallyMet) {}

  /** One person's score. */
  public record Submission(
      String reviewer, double score, Map<UUID, Boolean> items, String comment, Instant at) {}

  /**
   * How far the scores are apart.
   *
   * @param reference the lead's score, null until the lead submitted
   * @param reviewers the reviewers' submissions counted (the lead's not among them)
   * @param meanScore the reviewers' mean score (null without reviewers)
   * @param variance the population variance of the reviewers' scores around their mean
   * @param varianceAgainstReference the mean squared difference of the reviewers' scores from the
   *     reference (null until both exist)
   * @param largestDifference the largest absolute difference of a reviewer's score from the
   *     reference (null until both exist)
   * @param items the spread per item
   */
  public record Result(
      Double reference,
      int reviewers,
      Double meanScore,
      Double variance,
      Double varianceAgainstReference,
      Double largestDifference,
      List<ItemSpread> items) {}

  /**
   * One item's spread among the reviewers.
   *
   * @param met reviewers who found it met
   * @param notMet reviewers who found it not met
   * @param reference whether the lead found it met (null until the lead submitted)
   * @param againstReference reviewers who disagree with the lead on it
   * @param agreement the share of reviewers agreeing with the lead (with the majority before the
   *     lead submitted), 0 to 1
   */
  public record ItemSpread(
      UUID ruleId,
      String ruleName,
      int met,
      int notMet,
      Boolean reference,
      int againstReference,
      double agreement) {}
}
