package io.contactcenter.routing.internal.domain;

/** Which of the agents able to take a contact gets it; chosen per queue. */
public enum QueueStrategy {
  /** The agent free for the longest time (since the end of their last contact or wrap-up). */
  LONGEST_IDLE,
  /**
   * The agent who has answered the fewest contacts today (in the clock's zone), then longest idle.
   */
  FEWEST_CONTACTS_TODAY,
  /** The agent with the highest level in the queue's skill, then longest idle. */
  SKILL_LEVEL_FIRST
}
