package io.contactcenter.campaigns.internal;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import io.contactcenter.campaigns.Campaign;
import io.contactcenter.campaigns.CampaignState;
import io.contactcenter.campaigns.internal.contacts.RegionTimeZones;
import io.contactcenter.common.CampaignType;
import io.contactcenter.common.DisplayText;
import io.contactcenter.common.InvalidPhoneNumberException;
import io.contactcenter.common.PhoneNumber;
import io.contactcenter.outboundrobot.DialogueScript;
import io.contactcenter.outboundrobot.DialogueScripts;
import io.contactcenter.outboundrobot.RobotCalls;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns order events into reminders and cancellations. Idempotent: a reminder's key is the order
 * and the reminder type, so a redelivered event, or a second event for the same order, adds
 * nothing; cancelling twice cancels nothing more.
 */
class OrderEvents {

  private static final Logger log = LoggerFactory.getLogger(OrderEvents.class);

  private static final Map<String, CampaignType> REMINDERS =
      Map.of(
          "balance_due", CampaignType.BALANCE,
          "shipment_delayed", CampaignType.DELAY,
          "reactivation_offer", CampaignType.REACTIVATE);

  private static final List<String> CANCELLATIONS =
      List.of("order_paid", "order_delivered", "order_cancelled");

  private static final List<CampaignState> OPEN =
      List.of(
          CampaignState.RUNNING,
          CampaignState.SCHEDULED,
          CampaignState.PAUSED,
          CampaignState.DRAFT);

  /**
   * Where an event without a campaign id goes, in order of preference: the newest running campaign
   * of its type, else the newest scheduled one ({@link JdbcCampaigns#list()} is newest first).
   */
  private static final List<CampaignState> ROUTED =
      List.of(CampaignState.RUNNING, CampaignState.SCHEDULED);

  private final JdbcCampaigns campaigns;
  private final JdbcContacts contacts;
  private final DialogueScripts scripts;
  private final RobotCalls robot;
  private final CampaignProperties config;

  OrderEvents(
      JdbcCampaigns campaigns,
      JdbcContacts contacts,
      DialogueScripts scripts,
      RobotCalls robot,
      CampaignProperties config) {
    this.campaigns = campaigns;
    this.contacts = contacts;
    this.scripts = scripts;
    this.robot = robot;
    this.config = config;
  }

  /**
   * @throws IllegalArgumentException naming what is missing or wrong in the event
   */
  void apply(OrderEvent event) {
    require(event.eventId(), "eventId");
    require(event.type(), "type");
    require(event.orderId(), "orderId");
    String type = event.type().strip().toLowerCase(Locale.ROOT);
    if (CANCELLATIONS.contains(type)) {
      int cancelled = contacts.cancelPendingForOrder(event.orderId(), type.replace('_', ' '));
      log.info(
          "order event {} ({}): {} pending reminder(s) cancelled",
          event.eventId(),
          type,
          cancelled);
      return;
    }
    CampaignType campaignType = REMINDERS.get(type);
    if (campaignType == null) {
      throw new IllegalArgumentException(
          "unknown type '"
              + event.type()
              + "': expected one of "
              + REMINDERS.keySet()
              + " or "
              + CANCELLATIONS);
    }
    PhoneNumber phone;
    try {
      phone = PhoneNumber.parse(event.phone());
    } catch (InvalidPhoneNumberException e) {
      // Not e.getMessage(): it quotes the number, and numbers stay out of logs.
      throw new IllegalArgumentException(
          "phone must be an E.164 number ('+', country code, 8 to 15 digits)");
    }
    Campaign campaign = campaign(event.campaignId(), campaignType, event.orderId());
    Map<String, String> variables = new LinkedHashMap<>(campaign.variables());
    if (event.variables() != null) {
      event
          .variables()
          .forEach(
              (k, v) -> {
                if (v != null && !v.isBlank()) {
                  variables.put(k, v);
                }
              });
    }
    variables.putIfAbsent("order_number", event.orderId());
    String customerName = DisplayText.clean(event.customerName());
    if (customerName != null && !customerName.isBlank()) {
      variables.put("customer_name", customerName.strip());
    }
    // An event may carry fields for other consumers: keep what the script declares.
    DialogueScript script =
        scripts
            .find(campaign.scriptId(), campaign.scriptVersion())
            .orElseThrow(
                () -> new IllegalArgumentException("the campaign's script version is gone"));
    variables.keySet().retainAll(script.variables().keySet());
    robot.checkVariables(script, variables);
    boolean added =
        contacts.addContact(
            campaign.campaignId(),
            new JdbcContacts.NewContact(
                phone,
                customerName,
                zone(phone, event.timeZone()),
                variables,
                key("order:" + type + ":" + event.orderId()),
                event.orderId(),
                "kafka:" + event.eventId()));
    log.info(
        "order event {} ({}): reminder {} in campaign {}",
        event.eventId(),
        type,
        added ? "added" : "already there",
        campaign.campaignId());
  }

  private Campaign campaign(String campaignId, CampaignType type, String orderId) {
    if (campaignId != null && !campaignId.isBlank()) {
      Campaign campaign =
          campaigns
              .find(campaignId)
              .orElseThrow(() -> new IllegalArgumentException("no campaign " + campaignId));
      // Named explicitly, a draft or paused campaign may collect reminders before it runs.
      if (campaign.type() != type || !OPEN.contains(campaign.state())) {
        throw new IllegalArgumentException(
            "campaign "
                + campaignId
                + " is a "
                + campaign.type().code()
                + " campaign in state "
                + campaign.state()
                + ": it cannot take a "
                + type.code()
                + " reminder");
      }
      return campaign;
    }
    // Without a campaign id only a campaign that calls, or will call by itself, takes the
    // reminder: a draft or a paused campaign would hold it without ever dialing.
    List<Campaign> ofType = campaigns.list().stream().filter(c -> c.type() == type).toList();
    for (CampaignState state : ROUTED) {
      for (Campaign c : ofType) {
        if (c.state() == state) {
          return c;
        }
      }
    }
    throw new IllegalArgumentException(
        "no running or scheduled "
            + type.code()
            + " campaign for order "
            + orderId
            + ": start one or name a campaignId");
  }

  private ZoneId zone(PhoneNumber phone, String override) {
    if (override != null && !override.isBlank()) {
      try {
        return ZoneId.of(override.strip());
      } catch (DateTimeException e) {
        throw new IllegalArgumentException("unknown timeZone '" + override + "'");
      }
    }
    try {
      Phonenumber.PhoneNumber parsed = PhoneNumberUtil.getInstance().parse(phone.e164(), "ZZ");
      String region = PhoneNumberUtil.getInstance().getRegionCodeForNumber(parsed);
      return RegionTimeZones.mainZone(region).orElse(ZoneId.of(config.defaultZone()));
    } catch (com.google.i18n.phonenumbers.NumberParseException e) {
      return ZoneId.of(config.defaultZone());
    }
  }

  private static void require(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
  }

  private static String key(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
