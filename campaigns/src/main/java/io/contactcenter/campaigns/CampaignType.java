package io.contactcenter.campaigns;

import io.contactcenter.asrtts.CampaignContext;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What a campaign calls about; each type starts from its built-in robot script. */
public enum CampaignType {
  /** Pre-sale balance (final) payment reminder: order, amount due, deadline. */
  BALANCE("balance", CampaignContext.BALANCE),
  /** Delivery-delay notice: order, new expected date. */
  DELAY("delay", CampaignContext.DELAY),
  /** Re-activation offer: coupon, expiry; only numbers with a consent record are called. */
  REACTIVATE("reactivate", CampaignContext.REACTIVATE);

  private final String code;
  private final CampaignContext context;

  CampaignType(String code, CampaignContext context) {
    this.code = code;
    this.context = context;
  }

  /** The stable lower-case code used in the API and the database. */
  public String code() {
    return code;
  }

  /** The robot's script context for this type. */
  public CampaignContext context() {
    return context;
  }

  /**
   * @throws IllegalArgumentException naming the valid codes
   */
  public static CampaignType fromCode(String code) {
    for (CampaignType type : values()) {
      if (type.code.equalsIgnoreCase(code == null ? "" : code.strip())) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "unknown campaign type '"
            + code
            + "': expected one of "
            + Arrays.stream(values()).map(CampaignType::code).collect(Collectors.joining(", ")));
  }
}
