package io.contactcenter.campaigns;

import io.contactcenter.common.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Changes to a campaign's settings; a {@code null} field stays as it is.
 *
 * <p>Limits ({@code maxConcurrent}, {@code maxPerSecond}) may change at any time before the end and
 * apply from the dialer's next tick; the call window, holidays, attempts, start time and the script
 * version only while the campaign is not running (draft, scheduled or paused).
 *
 * @param scriptVersion a saved version of the campaign's script to pin instead
 */
public record CampaignChanges(
    String callWindow,
    List<LocalDate> holidays,
    Integer maxConcurrent,
    Double maxPerSecond,
    Integer maxAttempts,
    Instant startsAt,
    Integer scriptVersion) {

  public CampaignChanges {
    if (maxConcurrent != null && (maxConcurrent < 1 || maxConcurrent > 1000)) {
      throw new InvalidInputException(
          "problem.campaign.max-concurrent",
          "maxConcurrent must be between 1 and 1000, not " + maxConcurrent,
          String.valueOf(maxConcurrent));
    }
    if (maxPerSecond != null && (!(maxPerSecond > 0) || maxPerSecond > 500)) {
      throw new InvalidInputException(
          "problem.campaign.max-per-second",
          "maxPerSecond must be above 0 and at most 500, not " + maxPerSecond,
          String.valueOf(maxPerSecond));
    }
    if (maxAttempts != null && (maxAttempts < 1 || maxAttempts > 10)) {
      throw new InvalidInputException(
          "problem.campaign.max-attempts",
          "maxAttempts must be between 1 and 10, not " + maxAttempts,
          String.valueOf(maxAttempts));
    }
    holidays = holidays == null ? null : List.copyOf(holidays);
  }

  /** Whether only the limits change (allowed while running). */
  public boolean onlyLimits() {
    return callWindow == null
        && holidays == null
        && maxAttempts == null
        && startsAt == null
        && scriptVersion == null;
  }
}
