package io.contactcenter.campaigns;

import io.contactcenter.common.CampaignType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A campaign as stored; {@code scriptVersion} is the script version it runs, pinned; {@code
 * currency} is the ISO 4217 code given to amounts uploaded without one.
 */
public record Campaign(
    String campaignId,
    String name,
    CampaignType type,
    String scriptId,
    int scriptVersion,
    String language,
    CampaignState state,
    String callWindow,
    List<LocalDate> holidays,
    int maxConcurrent,
    double maxPerSecond,
    int maxAttempts,
    Instant startsAt,
    Map<String, String> variables,
    String createdBy,
    Instant createdAt,
    String currency) {}
