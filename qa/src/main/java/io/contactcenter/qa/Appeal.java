package io.contactcenter.qa;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An agent's appeal against a reviewed score, with its whole history.
 *
 * @param scoreBefore the conversation's final score when the appeal was opened
 * @param finalScore the score decided; {@code null} while open
 * @param history every change, oldest first
 */
public record Appeal(
    UUID id,
    String conversationId,
    String appellant,
    String reason,
    AppealState state,
    Instant openedAt,
    double scoreBefore,
    String decidedBy,
    Instant decidedAt,
    Double finalScore,
    String decisionComment,
    List<Event> history) {

  public Appeal {
    history = List.copyOf(history);
  }

  /**
   * One change of an appeal (the audit trail).
   *
   * @param action {@code OPENED}, {@code ACCEPTED} or {@code REJECTED}
   */
  public record Event(Instant at, String actor, String action, String detail) {}
}
