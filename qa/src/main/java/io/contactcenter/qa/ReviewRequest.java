package io.contactcenter.qa;

/**
 * A reviewer confirms or corrects a conversation's score. Validates itself.
 *
 * @param score the score, 0 to 100; {@code null} confirms the automatic score
 * @param comment up to 2000 characters; {@code null} for none
 */
public record ReviewRequest(Double score, String comment) {

  public ReviewRequest {
    if (score != null && (score.isNaN() || score < 0 || score > 100)) {
      throw new IllegalArgumentException("score must be between 0 and 100, was " + score);
    }
    comment = comment == null ? "" : comment.strip();
    if (comment.length() > 2000) {
      throw new IllegalArgumentException("comment must hold at most 2000 characters");
    }
  }
}
