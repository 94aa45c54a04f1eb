package io.contactcenter.campaigns.internal;

import io.contactcenter.campaigns.Campaign;
import io.contactcenter.common.AttemptId;
import java.time.Instant;

/**
 * An attempt recorded and holding its call slot, to be handed to the robot at {@code startAt}.
 *
 * @param attemptId the attempt's id, also the robot's and Asterisk's
 * @param contact the contact to call
 * @param campaign its campaign
 * @param startAt when to dial it, in the pacer's even spacing
 */
record ClaimedAttempt(
    AttemptId attemptId, JdbcContacts.DueContact contact, Campaign campaign, Instant startAt) {}
