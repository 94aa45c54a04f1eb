package io.contactcenter.asrtts;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The kind of campaign the robot called about. The same words mean different things in different
 * campaigns ("it arrived" settles a delivery-delay call, not a payment reminder).
 */
public enum CampaignContext {
  /** Pre-sale final (balance) payment reminder. */
  BALANCE("balance"),
  /** Delivery-delay notice. */
  DELAY("delay"),
  /** Re-activation offer to a lapsed customer. */
  REACTIVATE("reactivate"),
  /** Unknown or any campaign. */
  ANY("any");

  private final String code;

  CampaignContext(String code) {
    this.code = code;
  }

  /** The stable lower-case code, e.g. {@code balance}. */
  public String code() {
    return code;
  }

  /**
   * The campaign context with this code.
   *
   * @throws IllegalArgumentException naming the valid codes when there is none
   */
  public static CampaignContext fromCode(String code) {
    for (CampaignContext context : values()) {
      if (context.code.equals(code)) {
        return context;
      }
    }
    throw new IllegalArgumentException(
        "unknown campaign '"
            + code
            + "': expected one of "
            + Arrays.stream(values()).map(CampaignContext::code).collect(Collectors.joining(", ")));
  }
}
