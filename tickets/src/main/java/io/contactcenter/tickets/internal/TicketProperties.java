package io.contactcenter.tickets.internal;

import io.contactcenter.tickets.CustomerTier;
import io.contactcenter.tickets.TicketCategory;
import io.contactcenter.tickets.TicketPriority;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the ticket desk, under {@code cc.tickets}.
 *
 * @param duplicateWindow how long after a ticket opens another request of the same customer with
 *     the same subject is merged into it
 * @param defaultGroup the group of a ticket whose category no group claims
 * @param groups the support groups by name: who leads them, who works them, which categories
 * @param calendar the business calendar SLA clocks count in, for groups without one of their own
 * @param sla SLA policies; the first rule matching a ticket's category, opening priority and tier
 *     wins, and the built-in targets by priority apply when none does
 * @param sweepInterval how often each instance looks for SLA warnings and breaches due (keep it
 *     well under a minute: breaches must escalate within 60 s)
 * @param sweepBatchSize how many due tickets the sweep claims, checks and writes back in one
 *     transaction; a run takes batch after batch while full ones come back
 * @param sweepTimeBudget how long one sweep run may keep taking batches (a backlog such as every
 *     open ticket rechecked after a restart); what is left waits for the next run
 * @param hotline how numbers left at the closed hotline become callback tickets
 * @param routing how the ACD assigns tickets of groups without members
 * @param attachments limits of photos on tickets
 * @param listCountLimit how far a ticket list's total is counted: beyond it the list says "more
 *     than" this many (a broad filter over a million tickets is not counted to the end; ADR 0035)
 * @param dueSoon how far ahead the "due soon" list filter looks for a running SLA clock's deadline
 * @param webhook the shop's webhook on ticket status changes
 * @param inbound email and SMS gateways that post customer messages to tickets
 */
@Validated
@ConfigurationProperties("cc.tickets")
public record TicketProperties(
    @NotNull @DefaultValue("72h") Duration duplicateWindow,
    @NotBlank @DefaultValue("support") String defaultGroup,
    @NotNull @DefaultValue Map<String, @Valid Group> groups,
    @NotNull @Valid @DefaultValue Calendar calendar,
    @NotNull @DefaultValue List<@Valid SlaRule> sla,
    @NotNull @DefaultValue("15s") Duration sweepInterval,
    @Min(1) @DefaultValue("500") int sweepBatchSize,
    @NotNull @DefaultValue("10s") Duration sweepTimeBudget,
    @NotNull @Valid @DefaultValue Hotline hotline,
    @NotNull @Valid @DefaultValue Routing routing,
    @NotNull @Valid @DefaultValue Attachments attachments,
    @NotNull @DefaultValue("1h") Duration dueSoon,
    @Min(1) @DefaultValue("10000") long listCountLimit,
    @NotNull @Valid @DefaultValue Webhook webhook,
    @NotNull @Valid @DefaultValue Inbound inbound) {

  public TicketProperties {
    if (webhook != null && !webhook.url().isBlank() && webhook.secret().isBlank()) {
      throw new IllegalArgumentException(
          "cc.tickets.webhook.secret is required when cc.tickets.webhook.url is set"
              + " (give it in the environment: CC_TICKETS_WEBHOOK_SECRET)");
    }
  }

  /**
   * @param gateways the gateways by id (the id is the author of their messages: letters, digits,
   *     {@code . _ @ -})
   * @param maxSkew how far a call's timestamp may be from now before it is refused as a replay
   */
  public record Inbound(
      @NotNull @DefaultValue Map<String, @Valid Gateway> gateways,
      @NotNull @DefaultValue("5m") Duration maxSkew) {}

  /**
   * @param secret the HMAC-SHA256 key the gateway signs with (from the environment, never in the
   *     repository)
   */
  public record Gateway(@NotBlank String secret) {}

  /**
   * @param url where status changes are posted; empty: no webhook
   * @param secret the HMAC-SHA256 key the calls are signed with (from the environment, never in the
   *     repository)
   * @param timeout how long one call may take
   * @param pollInterval how often each instance looks for calls due
   * @param initialBackoff the wait before the first retry; each next one waits twice as long
   * @param maxBackoff the longest wait between retries
   * @param maxAttempts calls made before a delivery is given up (logged)
   */
  public record Webhook(
      @NotNull @DefaultValue("") String url,
      @NotNull @DefaultValue("") String secret,
      @NotNull @DefaultValue("5s") Duration timeout,
      @NotNull @DefaultValue("2s") Duration pollInterval,
      @NotNull @DefaultValue("10s") Duration initialBackoff,
      @NotNull @DefaultValue("1h") Duration maxBackoff,
      @Min(1) @DefaultValue("12") int maxAttempts) {}

  /**
   * @param lead who is notified when a ticket of the group breaches its SLA
   * @param members who the round robin rotates over; empty: the ACD assigns the group's tickets
   *     (or, with routing disabled, they stay with the group)
   * @param categories the categories whose tickets go to this group
   * @param queue the routing queue of the group's tickets; empty: the queue named like the group
   * @param calendar the business calendar of the group's SLA clocks; absent: the desk's {@code
   *     calendar} (keys left out of a group's calendar take the built-in defaults, not the desk's)
   * @param supervisors users who supervise the group besides its lead: the tickets page shows them
   *     the group's tickets under "my groups"
   */
  public record Group(
      @DefaultValue("") String lead,
      @NotNull @DefaultValue List<String> members,
      @NotNull @DefaultValue List<TicketCategory> categories,
      @NotNull @DefaultValue("") String queue,
      @Valid Calendar calendar,
      @NotNull @DefaultValue List<String> supervisors) {}

  /**
   * @param zone the time zone of the hours, holidays and make-up days
   * @param hours weekly working hours, e.g. {@code MON-FRI 09:00-12:00,13:00-18:00}
   * @param holidays days off although the week says work
   * @param makeUpWorkdays days worked although the week says rest (调休), with the hours of the first
   *     day {@code hours} names
   */
  public record Calendar(
      @NotBlank @DefaultValue("Asia/Shanghai") String zone,
      @NotBlank @DefaultValue("MON-FRI 09:00-18:00") String hours,
      @NotNull @DefaultValue List<LocalDate> holidays,
      @NotNull @DefaultValue List<LocalDate> makeUpWorkdays) {}

  /**
   * One SLA policy and the tickets it is for; a null matcher matches anything.
   *
   * @param name shown with the clocks
   */
  public record SlaRule(
      @NotBlank String name,
      TicketCategory category,
      TicketPriority priority,
      CustomerTier tier,
      @NotNull Duration firstResponse,
      @NotNull Duration nextResponse,
      @NotNull Duration resolution,
      @NotNull @DefaultValue("30m") Duration warnBefore) {}

  /**
   * @param countryCode the country code of a callback number keyed without one (a leading {@code
   *     0}, the trunk prefix, is dropped; {@code 00} starts an international number)
   */
  public record Hotline(
      @NotNull @Pattern(regexp = "[1-9][0-9]{0,2}") @DefaultValue("86") String countryCode) {}

  /**
   * @param enabled whether tickets of groups without members wait in the ACD for an agent
   * @param firstActionTimeout how long an agent given a ticket by routing may leave it untouched
   *     (no reply, note or status change) before it goes back to the queue
   */
  public record Routing(
      @DefaultValue("true") boolean enabled,
      @NotNull @DefaultValue("30m") Duration firstActionTimeout) {}

  /**
   * @param maxSize the largest photo accepted, as uploaded
   * @param maxPerTicket how many photos one ticket may have
   */
  public record Attachments(
      @NotNull @DefaultValue("5MB") DataSize maxSize,
      @Min(1) @DefaultValue("20") int maxPerTicket) {}
}
