package io.contactcenter.common;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a campaign calls about. Campaigns are of one type; the robot runs the type's script; the
 * reply classifier weighs the same words differently by type ("it arrived" settles a delivery-delay
 * call, not a payment reminder).
 *
 * <p>{@link #ANY} is not a type of campaign: it stands for "any campaign", for a dialogue script or
 * a reply that is not tied to one type. No campaign is created with it and no call is placed with
 * it.
 */
public enum CampaignType {
  /** Pre-sale balance (final) payment reminder: order, amount due, deadline. */
  BALANCE("balance"),
  /** Delivery-delay notice: order, new expected date. */
  DELAY("delay"),
  /** Re-activation offer to a lapsed customer: coupon, expiry; only consenting numbers. */
  REACTIVATE("reactivate"),
  /** Any campaign: a script or a reply not tied to one type. */
  ANY("any");

  private final String code;

  CampaignType(String code) {
    this.code = code;
  }

  /** The stable lower-case code used in APIs, scripts, data files and the database. */
  public String code() {
    return code;
  }

  /** Whether campaigns and calls can be of this type: every type but {@link #ANY}. */
  public boolean isCampaign() {
    return this != ANY;
  }

  /** The types a campaign can have, in declaration order ({@link #ANY} left out). */
  public static List<CampaignType> campaigns() {
    return Arrays.stream(values()).filter(CampaignType::isCampaign).toList();
  }

  /**
   * The type with this code, ignoring case and surrounding blanks.
   *
   * @throws IllegalArgumentException naming the valid codes when there is none
   */
  public static CampaignType fromCode(String code) {
    String wanted = code == null ? "" : code.strip();
    for (CampaignType type : values()) {
      if (type.code.equalsIgnoreCase(wanted)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "unknown campaign '"
            + code
            + "': expected one of "
            + Arrays.stream(values()).map(CampaignType::code).collect(Collectors.joining(", ")));
  }
}
