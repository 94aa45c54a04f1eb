package io.contactcenter.qa;

/**
 * Deletes recordings and transcripts older than the configured retention ({@code cc.qa.retention}),
 * except those of conversations with an open appeal. A scheduled job runs it; every deletion is
 * announced as {@link ConversationDataDeleted}. Thread-safe, also across instances.
 */
public interface QaRetention {

  /**
   * Applies the retention now, up to the configured batch of each kind.
   *
   * @return how many recordings and transcripts were deleted
   */
  Result apply();

  /** What one run deleted. */
  record Result(int recordings, int transcripts) {}
}
