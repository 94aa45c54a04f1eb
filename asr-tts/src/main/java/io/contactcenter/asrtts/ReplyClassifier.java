package io.contactcenter.asrtts;

/**
 * Labels what a callee said to the outbound robot, in English or Chinese, and picks out a callback
 * time when one is named.
 *
 * <p>Thread-safe and pure CPU: no I/O on the calling thread apart from a file-modification check
 * when an external training file is configured, well under a millisecond per reply once trained.
 */
public interface ReplyClassifier {

  /**
   * Classifies one reply.
   *
   * @return the label with its confidence; {@link IntentLabel#UNKNOWN} when the best label is less
   *     probable than the configured threshold
   */
  ReplyClassification classify(ReplyRequest request);
}
