package io.contactcenter.asrtts;

import io.contactcenter.common.CampaignType;
import java.time.ZonedDateTime;

/**
 * One callee reply to classify. Validates itself.
 *
 * @param text what the callee said or typed: not blank, at most {@value #MAX_LENGTH} characters
 * @param language the reply's language; {@code null} to detect it from the text
 * @param campaign the campaign the robot called about; {@code null} means {@link CampaignType#ANY}
 * @param now the moment relative times ("in two hours", "明天下午") count from, in the callee's time
 *     zone; {@code null} for the classifier's clock in its configured zone
 */
public record ReplyRequest(
    String text, ReplyLanguage language, CampaignType campaign, ZonedDateTime now) {

  /** The longest text accepted, in UTF-16 characters. */
  public static final int MAX_LENGTH = 1000;

  public ReplyRequest {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("text is empty");
    }
    if (text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("text is longer than " + MAX_LENGTH + " characters");
    }
    if (language == null) {
      language = ReplyLanguage.detect(text);
    }
    if (campaign == null) {
      campaign = CampaignType.ANY;
    }
  }

  /** A reply in a detected language, for any campaign, relative to the classifier's clock. */
  public static ReplyRequest of(String text) {
    return new ReplyRequest(text, null, null, null);
  }

  /** A reply in a detected language for a campaign, relative to the classifier's clock. */
  public static ReplyRequest of(String text, CampaignType campaign) {
    return new ReplyRequest(text, null, campaign, null);
  }
}
