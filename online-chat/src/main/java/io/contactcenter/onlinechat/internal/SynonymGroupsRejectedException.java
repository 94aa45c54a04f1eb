package io.contactcenter.onlinechat.internal;

import io.contactcenter.common.Worded;

/**
 * A shop's own synonym groups are refused as a whole: one group is malformed or repeats another's
 * variant. The message is English; the key ({@code problem.chat-synonyms.*}) and its arguments (the
 * 1-based group first) let the app say it in the reader's language.
 */
class SynonymGroupsRejectedException extends IllegalArgumentException implements Worded {

  private static final long serialVersionUID = 1L;

  private final String messageKey;
  private final transient Object[] arguments;

  SynonymGroupsRejectedException(String reason, String english, Object... arguments) {
    super(english);
    this.messageKey = "problem.chat-synonyms." + reason;
    this.arguments = arguments.clone();
  }

  /** The lexicon's own refusal, worded. */
  SynonymGroupsRejectedException(
      io.contactcenter.onlinechat.internal.domain.Synonyms.Rejected rejected) {
    super(rejected.getMessage(), rejected);
    this.messageKey = "problem.chat-synonyms." + rejected.reason();
    this.arguments = rejected.arguments();
  }

  @Override
  public String messageKey() {
    return messageKey;
  }

  @Override
  public Object[] messageArguments() {
    return arguments.clone();
  }

  @Override
  public String english() {
    return getMessage();
  }
}
