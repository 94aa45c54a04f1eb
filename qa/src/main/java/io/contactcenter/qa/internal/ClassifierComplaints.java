package io.contactcenter.qa.internal;

import io.contactcenter.asrtts.IntentLabel;
import io.contactcenter.asrtts.ReplyClassifier;
import io.contactcenter.asrtts.ReplyLanguage;
import io.contactcenter.asrtts.ReplyRequest;
import io.contactcenter.qa.internal.domain.ComplaintDetector;
import io.contactcenter.qa.internal.domain.ComplaintModel;

/**
 * Complaints by meaning: an utterance is a complaint when the speech module's reply classifier
 * (trained on zh/en replies to the robot, with a {@code complaint} intent) gives {@code complaint}
 * at least {@code threshold} probability, or QA's own complaint model (trained on what customers
 * say to agents, ADR 0028) gives at least {@code modelThreshold}. Thread-safe (both are).
 */
final class ClassifierComplaints implements ComplaintDetector {

  private final ReplyClassifier classifier;
  private final double threshold;
  private final ComplaintModel model;
  private final double modelThreshold;

  /** The reply classifier alone. */
  ClassifierComplaints(ReplyClassifier classifier, double threshold) {
    this(classifier, threshold, null, 1);
  }

  /**
   * @param model QA's complaint model, or null for the reply classifier alone
   */
  ClassifierComplaints(
      ReplyClassifier classifier, double threshold, ComplaintModel model, double modelThreshold) {
    if (!(threshold > 0 && threshold <= 1) || !(modelThreshold > 0 && modelThreshold <= 1)) {
      throw new IllegalArgumentException("the complaint thresholds must be above 0 and at most 1");
    }
    this.classifier = classifier;
    this.threshold = threshold;
    this.model = model;
    this.modelThreshold = modelThreshold;
  }

  @Override
  public boolean isComplaint(String text, String language) {
    if (text == null || text.isBlank()) {
      return false;
    }
    if (model != null && model.probability(text) >= modelThreshold) {
      return true;
    }
    String cut =
        text.length() > ReplyRequest.MAX_LENGTH ? text.substring(0, ReplyRequest.MAX_LENGTH) : text;
    ReplyLanguage lang;
    try {
      lang = language == null ? null : ReplyLanguage.fromCode(language);
    } catch (IllegalArgumentException unsupported) {
      lang = null; // detected from the text
    }
    Double p =
        classifier
            .classify(new ReplyRequest(cut, lang, null, null))
            .scores()
            .get(IntentLabel.COMPLAINT);
    return p != null && p >= threshold;
  }
}
