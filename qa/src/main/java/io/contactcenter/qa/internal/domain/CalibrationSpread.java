package io.contactcenter.qa.internal.domain;

import io.contactcenter.qa.Calibration;
import java.util.ArrayList;
import java.util.List;

/**
 * How far calibration scores are apart: the reviewers' overall scores around their mean and around
 * the lead's reference, and per item how many found it met and how many disagree with the lead.
 * Pure and thread-safe.
 */
public final class CalibrationSpread {

  private CalibrationSpread() {}

  /**
   * The spread.
   *
   * @param items the calibration's items
   * @param lead the lead's user name; their submission is the reference, not a reviewer's
   * @param scores every submission
   */
  public static Calibration.Result of(
      List<Calibration.Item> items, String lead, List<Calibration.Submission> scores) {
    Calibration.Submission reference =
        scores.stream().filter(s -> s.reviewer().equals(lead)).findFirst().orElse(null);
    List<Calibration.Submission> reviewers =
        scores.stream().filter(s -> !s.reviewer().equals(lead)).toList();
    Double mean = null;
    Double variance = null;
    Double againstReference = null;
    Double largest = null;
    if (!reviewers.isEmpty()) {
      double m = reviewers.stream().mapToDouble(Calibration.Submission::score).average().orElse(0);
      mean = round(m);
      variance =
          round(
              reviewers.stream()
                  .mapToDouble(s -> (s.score() - m) * (s.score() - m))
                  .average()
                  .orElse(0));
      if (reference != null) {
        double ref = reference.score();
        againstReference =
            round(
                reviewers.stream()
                    .mapToDouble(s -> (s.score() - ref) * (s.score() - ref))
                    .average()
                    .orElse(0));
        largest =
            round(reviewers.stream().mapToDouble(s -> Math.abs(s.score() - ref)).max().orElse(0));
      }
    }
    List<Calibration.ItemSpread> spreads = new ArrayList<>();
    for (Calibration.Item item : items) {
      int met = 0;
      int notMet = 0;
      for (Calibration.Submission s : reviewers) {
        if (Boolean.TRUE.equals(s.items().get(item.ruleId()))) {
          met++;
        } else {
          notMet++;
        }
      }
      Boolean ref = reference == null ? null : reference.items().get(item.ruleId());
      int against = ref == null ? 0 : ref ? notMet : met;
      int agreeing = ref == null ? Math.max(met, notMet) : reviewers.size() - against;
      spreads.add(
          new Calibration.ItemSpread(
              item.ruleId(),
              item.ruleName(),
              met,
              notMet,
              ref,
              against,
              reviewers.isEmpty() ? 1.0 : round3((double) agreeing / reviewers.size())));
    }
    return new Calibration.Result(
        reference == null ? null : reference.score(),
        reviewers.size(),
        mean,
        variance,
        againstReference,
        largest,
        spreads);
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
