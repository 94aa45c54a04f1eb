package io.contactcenter.qa;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Agents' appeals against reviewed scores. Thread-safe. */
public interface Appeals {

  /**
   * Opens an appeal against a conversation's review.
   *
   * @throws ConversationNotFoundException when QA does not know the conversation
   * @throws AppealRefusedException when it is not reviewed, the appeal window has closed, or an
   *     appeal is already open
   */
  Appeal open(String conversationId, AppealRequest request, String appellant);

  /**
   * Decides an open appeal; accepting sets the conversation's final score.
   *
   * @throws AppealRefusedException when the decider reviewed the conversation or appealed, or the
   *     appeal is decided already
   */
  Appeal decide(UUID appealId, AppealDecision decision, String decider);

  Optional<Appeal> find(UUID appealId);

  /** One person's appeals, newest first, at most 500. */
  List<Appeal> ofAppellant(String appellant);

  /** Appeals in a state ({@code null}: all), oldest first, at most 500. */
  List<Appeal> list(AppealState state);
}
