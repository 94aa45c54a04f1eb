package io.contactcenter.campaigns.internal;

import io.contactcenter.campaigns.Campaign;
import io.contactcenter.campaigns.internal.domain.AttemptResult;
import io.contactcenter.campaigns.internal.domain.CallWindow;
import io.contactcenter.campaigns.internal.domain.DialPlanner;
import io.contactcenter.campaigns.internal.domain.FrequencyCap;
import io.contactcenter.campaigns.internal.domain.RetryPolicy;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The pure rules of {@code internal/domain} as this instance's configuration and a campaign set
 * them up: the dialer and the settling run these, the same ones the domain tests prove.
 */
final class CampaignPolicies {

  private final CampaignProperties config;
  private final FrequencyCap frequencyCap;

  CampaignPolicies(CampaignProperties config) {
    this.config = config;
    this.frequencyCap = new FrequencyCap(config.perNumberPerDay(), config.perNumberPer7Days());
  }

  /** How often one number may be called, across all campaigns. */
  FrequencyCap frequencyCap() {
    return frequencyCap;
  }

  /** When the campaign may dial a contact: its call window, holidays and retry rules. */
  DialPlanner planner(Campaign campaign) {
    return new DialPlanner(
        retryPolicy(campaign),
        CallWindow.parse(campaign.callWindow()).withHolidays(campaign.holidays()),
        config.minWindowRemaining());
  }

  /** Whether and when the campaign tries a contact again, by how the last attempt ended. */
  RetryPolicy retryPolicy(Campaign campaign) {
    CampaignProperties.Retry retry = config.retry();
    Map<AttemptResult, Duration> spacing = new EnumMap<>(AttemptResult.class);
    spacing.put(AttemptResult.NO_ANSWER, retry.noAnswer());
    spacing.put(AttemptResult.BUSY, retry.busy());
    spacing.put(AttemptResult.FAILED, retry.failed());
    spacing.put(AttemptResult.VOICEMAIL, retry.voicemail());
    spacing.put(AttemptResult.CALLBACK_REQUESTED, retry.callback());
    spacing.put(AttemptResult.HUNG_UP, retry.hungUp());
    spacing.put(AttemptResult.NO_RESPONSE, retry.noResponse());
    return new RetryPolicy(campaign.maxAttempts(), retry.maxCallbacks(), spacing);
  }
}
