package io.contactcenter.campaigns;

import io.contactcenter.common.CampaignType;

/**
 * Which campaigns to list, one page at a time: newest first, ties by id, so that paging is stable
 * while campaigns are added.
 *
 * @param name part of the name, any case ({@code null} or blank: any name); at most 120 characters
 * @param state only campaigns in this state ({@code null}: any)
 * @param type only campaigns of this type ({@code null}: any)
 * @param page the page, from 0
 * @param size campaigns per page, 1 to {@link #MAX_SIZE}
 */
public record CampaignQuery(
    String name, CampaignState state, CampaignType type, int page, int size) {

  /** The most campaigns one page holds. */
  public static final int MAX_SIZE = 200;

  /**
   * @throws IllegalArgumentException naming the field out of range
   */
  public CampaignQuery {
    name = name == null || name.isBlank() ? null : name.strip();
    if (name != null && name.length() > 120) {
      throw new IllegalArgumentException("name must be at most 120 characters");
    }
    if (type == CampaignType.ANY) {
      throw new IllegalArgumentException("type must be balance, delay or reactivate");
    }
    if (page < 0) {
      throw new IllegalArgumentException("page must be 0 or more, was " + page);
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException(
          "size must be between 1 and " + MAX_SIZE + ", was " + size);
    }
  }
}
