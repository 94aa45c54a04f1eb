package io.contactcenter.qa.internal.domain;

import io.contactcenter.qa.AppealRefusedException;
import io.contactcenter.qa.AppealState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Who may open and decide appeals: an agent appeals a reviewed score within a window after the
 * review, one open appeal at a time; a reviewer other than the one who reviewed (and other than the
 * appellant) decides it, once.
 */
public final class AppealPolicy {

  private AppealPolicy() {}

  /** Whether something may happen, and why not. */
  public sealed interface Verdict permits Allowed, Refused {}

  /** It may. */
  public record Allowed() implements Verdict {}

  /**
   * It may not, for this reason.
   *
   * @param code which rule refused it
   * @param reason a sentence for the person who tried (English)
   * @param arguments the values the sentence names, in order, for a translation of it
   */
  public record Refused(AppealRefusedException.Reason code, String reason, List<Object> arguments)
      implements Verdict {
    public Refused {
      arguments = List.copyOf(arguments);
    }
  }

  /**
   * May an appeal be opened?
   *
   * @param reviewedAt when the conversation was reviewed, {@code null} if never
   */
  public static Verdict mayOpen(
      Instant reviewedAt, boolean openAlready, Instant now, Duration window) {
    if (reviewedAt == null) {
      return new Refused(
          AppealRefusedException.Reason.NOT_REVIEWED,
          "the conversation has not been reviewed yet; only a review is appealed",
          List.of());
    }
    if (openAlready) {
      return new Refused(
          AppealRefusedException.Reason.ALREADY_OPEN,
          "an appeal of this conversation is already open",
          List.of());
    }
    if (now.isAfter(reviewedAt.plus(window))) {
      return new Refused(
          AppealRefusedException.Reason.WINDOW_CLOSED,
          "the appeal window of "
              + window.toDays()
              + " days after the review closed at "
              + reviewedAt.plus(window),
          List.of(window.toDays(), reviewedAt.plus(window).toString()));
    }
    return new Allowed();
  }

  /** May {@code decider} decide an appeal against {@code reviewer}'s review? */
  public static Verdict mayDecide(
      AppealState state, String reviewer, String appellant, String decider) {
    if (state != AppealState.OPEN) {
      return new Refused(
          AppealRefusedException.Reason.ALREADY_DECIDED,
          "the appeal is already " + state.name().toLowerCase(Locale.ROOT) + "; it is decided once",
          List.of(state.name()));
    }
    if (decider.equals(reviewer)) {
      return new Refused(
          AppealRefusedException.Reason.OWN_REVIEW,
          "a different reviewer must decide: " + decider + " made the review",
          List.of(decider));
    }
    if (decider.equals(appellant)) {
      return new Refused(
          AppealRefusedException.Reason.OWN_APPEAL,
          decider + " appealed and cannot decide their own appeal",
          List.of(decider));
    }
    return new Allowed();
  }
}
