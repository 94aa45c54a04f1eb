package io.contactcenter.campaigns;

/** The action does not apply in the campaign's current state, e.g. resuming a stopped one. */
public class CampaignStateConflictException extends RuntimeException {

  public CampaignStateConflictException(String message) {
    super(message);
  }
}
