package io.contactcenter.onlinechat.internal.domain;

/**
 * How much a question's meaning (sentence embeddings) counts beside its words (TF-IDF) in an FAQ's
 * score. The embedding cosine is first stretched from {@code [floor, 1]} to {@code [0, 1]}: a small
 * BGE model gives even unrelated questions a cosine of 0.3-0.5, so an unstretched cosine would lift
 * every FAQ alike and blur the thresholds the words were tuned for. The FAQ's score is then {@code
 * (1 - weight) * words + weight * meaning}.
 *
 * @param weight 0 (words only: no model is needed) to 1 (meaning only)
 * @param floor the cosine counted as nothing in common, below 1
 */
public record MeaningWeight(double weight, double floor) {

  /** Words only. */
  public static final MeaningWeight NONE = new MeaningWeight(0, 0);

  public MeaningWeight {
    if (!(weight >= 0 && weight <= 1)) {
      throw new IllegalArgumentException("meaning weight must be within 0..1, got " + weight);
    }
    if (!(floor >= 0 && floor < 1)) {
      throw new IllegalArgumentException(
          "meaning floor must be within 0..1 (1 excluded), got " + floor);
    }
  }

  public boolean used() {
    return weight > 0;
  }

  /** The fused score of an FAQ, 0 to 1, from its word score and its embedding cosine. */
  public double fuse(double words, double cosine) {
    double meaning = Math.max(0, Math.min(1, (cosine - floor) / (1 - floor)));
    return (1 - weight) * words + weight * meaning;
  }
}
