package io.contactcenter.qa;

/**
 * A reviewer decides an appeal. Validates itself.
 *
 * @param accepted whether the appeal is granted
 * @param score for an accepted appeal, the new final score, 0 to 100 (required); ignored for a
 *     rejected one
 * @param comment up to 2000 characters; {@code null} for none
 */
public record AppealDecision(Boolean accepted, Double score, String comment) {

  public AppealDecision {
    if (accepted == null) {
      throw new IllegalArgumentException("accepted is required: true or false");
    }
    if (accepted && (score == null || score.isNaN() || score < 0 || score > 100)) {
      throw new IllegalArgumentException("score between 0 and 100 is required to accept");
    }
    comment = comment == null ? "" : comment.strip();
    if (comment.length() > 2000) {
      throw new IllegalArgumentException("comment must hold at most 2000 characters");
    }
  }
}
