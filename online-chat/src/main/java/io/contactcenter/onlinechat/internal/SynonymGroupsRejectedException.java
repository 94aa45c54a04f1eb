package io.contactcenter.onlinechat.internal;

import io.contactcenter.common.InvalidInputException;
import io.contactcenter.onlinechat.internal.domain.Synonyms;

/**
 * A shop's own synonym groups are refused as a whole: one group is malformed or repeats another's
 * variant. The message is English; the key ({@code problem.chat-synonyms.*}) and its arguments (the
 * 1-based group first) let the app say it in the reader's language.
 */
class SynonymGroupsRejectedException extends InvalidInputException {

  private static final long serialVersionUID = 1L;

  /** The refusals that concern all groups, not one; every other names its group first. */
  private static final java.util.Set<String> WHOLE =
      java.util.Set.of("groups-required", "too-many-groups");

  private final String reason;

  SynonymGroupsRejectedException(String reason, String english, Object... arguments) {
    super("problem.chat-synonyms." + reason, english, arguments);
    this.reason = reason;
  }

  /** The lexicon's own refusal, worded. */
  SynonymGroupsRejectedException(Synonyms.Rejected rejected) {
    super(
        "problem.chat-synonyms." + rejected.reason(),
        rejected.getMessage(),
        rejected,
        rejected.arguments());
    this.reason = rejected.reason();
  }

  /** What is wrong ({@code repeated}, {@code no-variant}, …). */
  String reason() {
    return reason;
  }

  /** The group the refusal is about, 1-based as sent; empty when it is about all of them. */
  java.util.OptionalInt group() {
    Object[] arguments = messageArguments();
    return !WHOLE.contains(reason) && arguments.length > 0 && arguments[0] instanceof Integer g
        ? java.util.OptionalInt.of(g)
        : java.util.OptionalInt.empty();
  }
}
