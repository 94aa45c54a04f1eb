package io.contactcenter.campaigns;

import io.contactcenter.common.CampaignType;
import io.contactcenter.common.DisplayText;
import io.contactcenter.common.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A campaign to create, in state DRAFT.
 *
 * @param name shown to ops, 1 to 120 characters
 * @param type what it calls about; its built-in script is pinned at creation
 * @param language the script language ({@code null}: the script's default)
 * @param callWindow when callees may be called, in their own time zone, e.g. {@code "MON-FRI
 *     09:00-12:00,14:00-21:00; SAT 10:00-18:00"} ({@code null}: every day 09:00-21:00)
 * @param holidays local dates on which nobody is called
 * @param maxConcurrent calls of this campaign in flight at once, across every instance
 * @param maxPerSecond call attempts started per second, across every instance
 * @param maxAttempts attempts per contact (retries included, call-backs aside)
 * @param startsAt when a scheduled start happens ({@code null}: started by hand)
 * @param variables values every call of the campaign speaks unless a contact has its own, e.g.
 *     {@code merchant}
 * @param createdBy the ops user
 * @param currency the ISO 4217 code of amounts uploaded without one ({@code 199.00}): one the robot
 *     can say ({@link #CURRENCIES}); {@code null}: CNY
 */
public record NewCampaign(
    String name,
    CampaignType type,
    String language,
    String callWindow,
    List<LocalDate> holidays,
    int maxConcurrent,
    double maxPerSecond,
    int maxAttempts,
    Instant startsAt,
    Map<String, String> variables,
    String createdBy,
    String currency) {

  /** The currencies the robot can say an amount in. */
  public static final Set<String> CURRENCIES = Set.of("CNY", "USD", "EUR");

  /** A campaign whose bare amounts are in yuan. */
  public NewCampaign(
      String name,
      CampaignType type,
      String language,
      String callWindow,
      List<LocalDate> holidays,
      int maxConcurrent,
      double maxPerSecond,
      int maxAttempts,
      Instant startsAt,
      Map<String, String> variables,
      String createdBy) {
    this(
        name,
        type,
        language,
        callWindow,
        holidays,
        maxConcurrent,
        maxPerSecond,
        maxAttempts,
        startsAt,
        variables,
        createdBy,
        null);
  }

  public NewCampaign {
    // Shown to people on every campaign page: no bidi controls that would make it read otherwise.
    name = DisplayText.clean(name);
    if (name == null || name.isBlank() || name.strip().length() > 120) {
      throw new InvalidInputException(
          "problem.campaign.name-length", "name must be 1 to 120 characters");
    }
    name = name.strip();
    Objects.requireNonNull(type, "type is required");
    if (!type.isCampaign()) {
      throw new IllegalArgumentException(
          "type must be balance, delay or reactivate, was " + type.code());
    }
    holidays = holidays == null ? List.of() : List.copyOf(holidays);
    if (maxConcurrent < 1 || maxConcurrent > 1000) {
      throw new InvalidInputException(
          "problem.campaign.max-concurrent",
          "maxConcurrent must be between 1 and 1000, not " + maxConcurrent,
          String.valueOf(maxConcurrent));
    }
    if (!(maxPerSecond > 0) || maxPerSecond > 500) {
      throw new InvalidInputException(
          "problem.campaign.max-per-second",
          "maxPerSecond must be above 0 and at most 500, not " + maxPerSecond,
          String.valueOf(maxPerSecond));
    }
    if (maxAttempts < 1 || maxAttempts > 10) {
      throw new InvalidInputException(
          "problem.campaign.max-attempts",
          "maxAttempts must be between 1 and 10, not " + maxAttempts,
          String.valueOf(maxAttempts));
    }
    variables = variables == null ? Map.of() : Map.copyOf(variables);
    createdBy = createdBy == null ? "system" : createdBy;
    currency =
        currency == null || currency.isBlank() ? "CNY" : currency.strip().toUpperCase(Locale.ROOT);
    if (!CURRENCIES.contains(currency)) {
      throw new IllegalArgumentException(
          "currency must be CNY, USD or EUR (the ones the robot can say), was " + currency);
    }
  }
}
