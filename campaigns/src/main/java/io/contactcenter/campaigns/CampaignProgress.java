package io.contactcenter.campaigns;

import java.time.Instant;
import java.util.Map;

/**
 * Live counters of a campaign: the funnel contacts → attempts → answered → each outcome.
 *
 * @param pending contacts waiting for their next attempt
 * @param calling contacts with an attempt in flight (dialing or talking)
 * @param talking attempts answered and not finished
 * @param done contacts with a final outcome
 * @param cancelled contacts cancelled (order paid, do-not-call, campaign stopped, no consent)
 * @param byOutcome finished attempts by dialogue outcome code (agreed, refused, ...)
 * @param byDialOutcome finished attempts by dial outcome (ANSWERED, NO_ANSWER, BUSY, FAILED)
 * @param fromOrderEvents contacts added by order events (Kafka {@code cc.orders.v1}) rather than by
 *     a file upload
 * @param due waiting contacts whose time to be called has come (the dialer takes them as pacing
 *     allows)
 * @param waitingForRetry waiting contacts already tried, whose retry or call-back is not yet due
 * @param nextCallAt when the next waiting contact that is not yet due falls due (its call window
 *     opens, its retry or call-back time comes), or null when none waits for a time
 * @param nextCallZone that contact's time zone: call windows are in the callees' time
 */
public record CampaignProgress(
    String campaignId,
    CampaignState state,
    long contacts,
    long pending,
    long calling,
    long talking,
    long done,
    long cancelled,
    long attempts,
    long answered,
    Map<String, Long> byOutcome,
    Map<String, Long> byDialOutcome,
    long fromOrderEvents,
    long due,
    long waitingForRetry,
    Instant nextCallAt,
    String nextCallZone) {}
