package io.contactcenter.qa;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Calibration: a QA lead picks a scored conversation; reviewers score it independently (each sees
 * the others' scores only once they have submitted their own); the result shows how far the
 * reviewers are apart, item by item and overall, against the lead's reference score. Every start
 * and submission publishes a {@link CalibrationAudited} in its transaction. Thread-safe.
 */
public interface Calibrations {

  /**
   * Starts a calibration of a scored conversation; its items are the rules on the score card.
   *
   * @throws ConversationNotFoundException when there is no such conversation
   * @throws NotYetScoredException before it is scored
   */
  Calibration start(String conversationId, String lead, String note);

  /** The latest calibrations, newest first, as {@code viewer} may see them. */
  List<Calibration> recent(String viewer, int limit);

  /** One calibration as {@code viewer} may see it: others' scores only once they submitted. */
  Optional<Calibration> find(UUID id, String viewer);

  /**
   * Records a reviewer's (or the lead's reference) score; once per person.
   *
   * @throws CalibrationNotFoundException when there is no such calibration
   * @throws CalibrationRefusedException when this person has submitted already
   * @throws IllegalArgumentException naming the item or field that is wrong
   */
  Calibration submit(UUID id, CalibrationScore score, String reviewer);
}
