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

  SynonymGroupsRejectedException(String reason, String english, Object... arguments) {
    super("problem.chat-synonyms." + reason, english, arguments);
  }

  /** The lexicon's own refusal, worded. */
  SynonymGroupsRejectedException(Synonyms.Rejected rejected) {
    super(
        "problem.chat-synonyms." + rejected.reason(),
        rejected.getMessage(),
        rejected,
        rejected.arguments());
  }
}
