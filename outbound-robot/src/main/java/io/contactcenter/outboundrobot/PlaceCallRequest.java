package io.contactcenter.outboundrobot;

import io.contactcenter.common.AttemptId;
import io.contactcenter.common.CampaignType;
import io.contactcenter.common.PhoneNumber;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A robot call for an attempt its caller has already recorded, e.g. a campaign's n-th attempt for a
 * contact. The attempt id is the idempotency key: placing the same id twice dials once.
 *
 * @param attemptId {@code robot-} followed by 1 to 80 letters, digits, {@code -} or {@code _} (see
 *     {@link #newAttemptId()}); it travels to Asterisk as the channel's id
 * @param campaign whose script to run
 * @param scriptId the script to run, with {@code scriptVersion} ({@code null}: the campaign type's
 *     current script)
 * @param scriptVersion the pinned version, when {@code scriptId} is given
 * @param language the script language ({@code null}: the script's default)
 * @param variables the script's variables as plain values
 * @param requestedBy who asked, for the audit trail (e.g. {@code campaign:<id>})
 */
public record PlaceCallRequest(
    AttemptId attemptId,
    PhoneNumber phone,
    CampaignType campaign,
    String scriptId,
    Integer scriptVersion,
    String language,
    Map<String, String> variables,
    String requestedBy) {

  private static final Pattern ATTEMPT_ID = Pattern.compile("robot-[A-Za-z0-9_-]{1,80}");

  public PlaceCallRequest {
    Objects.requireNonNull(attemptId, "attemptId is required");
    if (!ATTEMPT_ID.matcher(attemptId.value()).matches()) {
      throw new IllegalArgumentException(
          "attemptId must be 'robot-' and 1 to 80 letters, digits, '-' or '_'");
    }
    Objects.requireNonNull(phone, "phone is required");
    Objects.requireNonNull(campaign, "campaign is required");
    if (campaign == CampaignType.ANY) {
      throw new IllegalArgumentException("campaign must be balance, delay or reactivate");
    }
    if ((scriptId == null) != (scriptVersion == null)) {
      throw new IllegalArgumentException("scriptId and scriptVersion go together");
    }
    variables = variables == null ? Map.of() : Map.copyOf(variables);
    requestedBy = requestedBy == null ? "system" : requestedBy;
  }

  /** A fresh attempt id in the form the robot takes: {@code robot-} and a random UUID. */
  public static AttemptId newAttemptId() {
    return AttemptId.of("robot-" + UUID.randomUUID());
  }

  /** A call with the campaign type's current script. */
  public PlaceCallRequest(
      AttemptId attemptId,
      PhoneNumber phone,
      CampaignType campaign,
      String language,
      Map<String, String> variables,
      String requestedBy) {
    this(attemptId, phone, campaign, null, null, language, variables, requestedBy);
  }
}
