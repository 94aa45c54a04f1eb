package io.contactcenter.campaigns;

import java.util.List;

/**
 * One page of campaigns and how many match the query in all.
 *
 * @param campaigns the page, newest first
 * @param total campaigns matching the query on every page
 */
public record CampaignList(List<Campaign> campaigns, long total) {

  public CampaignList {
    campaigns = List.copyOf(campaigns);
  }
}
