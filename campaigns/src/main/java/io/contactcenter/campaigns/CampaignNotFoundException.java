package io.contactcenter.campaigns;

/** No campaign has this id. */
public class CampaignNotFoundException extends RuntimeException {

  public CampaignNotFoundException(String campaignId) {
    super("no campaign " + campaignId);
  }
}
