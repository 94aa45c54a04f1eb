package io.contactcenter.qa;

import java.util.Map;
import java.util.UUID;

/**
 * One reviewer's score in a calibration. Validates itself.
 *
 * @param score the overall score, 0 to 100
 * @param items for every item (rule) of the calibration, whether it was met
 * @param comment what the reviewer noted, at most 2000 characters, possibly empty
 */
public record CalibrationScore(Double score, Map<UUID, Boolean> items, String comment) {

  public CalibrationScore {
    if (score == null || score.isNaN() || score < 0 || score > 100) {
      throw new IllegalArgumentException("score must be between 0 and 100");
    }
    if (items == null) {
      throw new IllegalArgumentException("items: every item needs met true or false");
    }
    items.forEach(
        (rule, met) -> {
          if (rule == null || met == null) {
            throw new IllegalArgumentException("items: every item needs met true or false");
          }
        });
    items = Map.copyOf(items);
    comment = comment == null ? "" : comment.strip();
    if (comment.length() > 2000) {
      throw new IllegalArgumentException("comment must be at most 2000 characters");
    }
  }
}
