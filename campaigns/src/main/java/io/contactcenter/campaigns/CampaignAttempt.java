package io.contactcenter.campaigns;

import java.time.Instant;

/**
 * One dial attempt of a campaign, for the results table.
 *
 * @param attemptId also the robot attempt's id: its call page is {@code /robot/calls/<attemptId>}
 * @param phone masked
 * @param state DIALING or FINISHED
 * @param dialOutcome ANSWERED, NO_ANSWER, BUSY, CONGESTION or FAILED once known
 * @param outcome the dialogue outcome code once finished (answered calls only)
 */
public record CampaignAttempt(
    String attemptId,
    long contactId,
    String phone,
    String name,
    int attemptNo,
    String state,
    String dialOutcome,
    String outcome,
    Instant callbackAt,
    Instant createdAt,
    Instant finishedAt) {}
