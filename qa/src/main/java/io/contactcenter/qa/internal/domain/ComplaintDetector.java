package io.contactcenter.qa.internal.domain;

/**
 * Tells whether one utterance (a stretch of a speaker's speech, or one chat message) is a
 * complaint, by meaning rather than by exact words: the COMPLAINT rule asks it for every utterance
 * its phrases did not already catch. Thread-safe implementations only.
 */
@FunctionalInterface
public interface ComplaintDetector {

  /** No detector: the COMPLAINT rule uses its phrases alone. */
  ComplaintDetector NONE = (text, language) -> false;

  /**
   * @param text the utterance, not blank
   * @param language the conversation's language ({@code en}, {@code zh}), or null when unknown
   */
  boolean isComplaint(String text, String language);
}
