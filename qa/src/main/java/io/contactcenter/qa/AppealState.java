package io.contactcenter.qa;

/** Where an appeal is. */
public enum AppealState {
  /** Waiting for a reviewer's decision. */
  OPEN,
  /** The reviewer agreed: the conversation's final score is the one decided. */
  ACCEPTED,
  /** The reviewer upheld the review: the score stays. */
  REJECTED
}
