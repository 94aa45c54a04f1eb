package io.contactcenter.outboundrobot;

import io.contactcenter.common.CampaignType;
import io.contactcenter.common.PhoneNumber;
import java.util.Map;
import java.util.Objects;

/**
 * A robot call to place now.
 *
 * @param campaign whose default script to run
 * @param language the script language to speak ({@code null}: the script's default)
 * @param variables the script's variables as plain values ("1299.50 CNY", "2026-11-30"): the robot
 *     puts them into words by their declared kind
 * @param requestedBy the user who asked, for the audit trail
 */
public record CallNowRequest(
    PhoneNumber phone,
    CampaignType campaign,
    String language,
    Map<String, String> variables,
    String requestedBy) {

  public CallNowRequest {
    Objects.requireNonNull(phone, "phone is required");
    Objects.requireNonNull(campaign, "campaign is required");
    if (campaign == CampaignType.ANY) {
      throw new IllegalArgumentException("campaign must be balance, delay or reactivate");
    }
    variables = variables == null ? Map.of() : Map.copyOf(variables);
    requestedBy = requestedBy == null ? "system" : requestedBy;
  }
}
