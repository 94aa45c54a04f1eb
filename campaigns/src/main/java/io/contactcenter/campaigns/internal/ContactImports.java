package io.contactcenter.campaigns.internal;

import io.contactcenter.campaigns.Campaign;
import io.contactcenter.campaigns.CampaignState;
import io.contactcenter.campaigns.CampaignStateConflictException;
import io.contactcenter.campaigns.ContactImport;
import io.contactcenter.campaigns.internal.contacts.ContactCsvReader;
import io.contactcenter.campaigns.internal.contacts.ContactFileRejectedException;
import io.contactcenter.campaigns.internal.contacts.ContactRow;
import io.contactcenter.campaigns.internal.contacts.ImportOptions;
import io.contactcenter.campaigns.internal.contacts.ImportSummary;
import io.contactcenter.common.Worded;
import io.contactcenter.outboundrobot.CallRefusedException;
import io.contactcenter.outboundrobot.DialogueScript;
import io.contactcenter.outboundrobot.DialogueScripts;
import io.contactcenter.outboundrobot.RobotCalls;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a campaign's contact uploads: streamed CSV, each row checked (number, script variables) and
 * either added (in batches, de-duplicated per campaign) or reported with its reason; the upload's
 * counts are visible while it runs.
 */
final class ContactImports {

  private static final Logger log = LoggerFactory.getLogger(ContactImports.class);

  /** Row errors kept per import: enough to fix a file, bounded for a million bad rows. */
  private static final int MAX_ROW_ERRORS = 1000;

  /**
   * Column headers ops write in Chinese (or in words) for the scripts' variables. English headers
   * are matched case-insensitively with spaces and dashes read as underscores.
   */
  private static final Map<String, String> HEADER_ALIASES =
      Map.ofEntries(
          Map.entry("订单号", "order_number"),
          Map.entry("订单编号", "order_number"),
          Map.entry("order", "order_number"),
          Map.entry("order_no", "order_number"),
          Map.entry("尾款", "amount_due"),
          Map.entry("尾款金额", "amount_due"),
          Map.entry("应付金额", "amount_due"),
          Map.entry("金额", "amount_due"),
          Map.entry("amount", "amount_due"),
          Map.entry("截止日期", "deadline"),
          Map.entry("付款截止", "deadline"),
          Map.entry("截止时间", "deadline"),
          Map.entry("新送达日期", "new_delivery_date"),
          Map.entry("预计送达", "new_delivery_date"),
          Map.entry("预计送达日期", "new_delivery_date"),
          Map.entry("优惠券", "coupon"),
          Map.entry("优惠码", "coupon"),
          Map.entry("商家", "merchant"),
          Map.entry("店铺", "merchant"));

  private final JdbcContacts contacts;
  private final JdbcImports imports;
  private final DialogueScripts scripts;
  private final RobotCalls robot;
  private final ContactCsvReader reader;
  private final CampaignProperties config;
  private final Clock clock;

  ContactImports(
      JdbcContacts contacts,
      JdbcImports imports,
      DialogueScripts scripts,
      RobotCalls robot,
      ContactCsvReader reader,
      CampaignProperties config,
      Clock clock) {
    this.contacts = contacts;
    this.imports = imports;
    this.scripts = scripts;
    this.robot = robot;
    this.reader = reader;
    this.config = config;
    this.clock = clock;
  }

  /**
   * Adds the contacts of a CSV upload to a campaign (see {@link
   * io.contactcenter.campaigns.Campaigns#importContacts}).
   */
  ContactImport importContacts(Campaign campaign, String fileName, InputStream csv, String user) {
    String campaignId = campaign.campaignId();
    if (campaign.state() == CampaignState.COMPLETED || campaign.state() == CampaignState.STOPPED) {
      throw new CampaignStateConflictException(
          "campaign " + campaignId + " is " + campaign.state() + ": it takes no more contacts");
    }
    String importId = "imp-" + UUID.randomUUID();
    String name = fileName == null || fileName.isBlank() ? "contacts.csv" : fileName.strip();
    DialogueScript script = pinnedScript(campaign);
    String source = "csv:" + importId;
    // Visible at once with its counts so far, so the console can show a long import's progress.
    imports.startImport(importId, campaignId, name, user);
    Batch batch = new Batch(campaign.campaignId());
    List<ContactImport.RowError> errors = new ArrayList<>();
    int[] rejected = new int[1];
    ImportSummary summary;
    try {
      summary =
          reader.read(
              csv,
              ImportOptions.of(config.defaultRegion(), ZoneId.of(config.defaultZone()))
                  .withProgress(
                      bytes ->
                          imports.importProgress(
                              importId, batch.rows(), batch.added, batch.duplicates, rejected[0])),
              row -> {
                switch (row) {
                  case ContactRow.Valid valid -> {
                    Optional<Worded> problem = prepare(campaign, script, valid, source, batch);
                    if (problem.isPresent()) {
                      rejected[0]++;
                      keep(
                          errors,
                          new ContactImport.RowError(
                              valid.rowNumber(), problem.get().english(), problem.get()));
                    }
                  }
                  case ContactRow.Rejected bad -> {
                    rejected[0]++;
                    keep(
                        errors,
                        new ContactImport.RowError(bad.rowNumber(), bad.reason(), bad.wording()));
                  }
                }
              });
      batch.flush();
    } catch (ContactFileRejectedException e) {
      ContactImport refused =
          new ContactImport(
              importId,
              campaignId,
              name,
              null,
              0,
              0,
              0,
              0,
              List.of(),
              e.getMessage(),
              clock.instant(),
              e);
      imports.finishImport(refused);
      return refused;
    } catch (UncheckedIOException e) {
      batch.flush();
      imports.finishImport(
          new ContactImport(
              importId,
              campaignId,
              name,
              null,
              batch.rows(),
              batch.added,
              batch.duplicates,
              rejected[0],
              List.copyOf(errors),
              "the upload broke off: " + e.getMessage(),
              clock.instant()));
      throw new IllegalArgumentException("the upload could not be read: " + e.getMessage(), e);
    }
    ContactImport report =
        new ContactImport(
            importId,
            campaignId,
            name,
            summary.charset(),
            (int) summary.rows(),
            batch.added,
            batch.duplicates,
            rejected[0],
            List.copyOf(errors),
            null,
            clock.instant());
    imports.finishImport(report);
    log.info(
        "campaign {} import {}: {} rows, {} added, {} duplicates, {} rejected ({})",
        campaignId,
        importId,
        report.rows(),
        report.added(),
        report.duplicates(),
        report.rejected(),
        report.charset());
    return report;
  }

  /**
   * Contacts written in batches of {@value #BATCH}: a million-row file in minutes, not hours, with
   * memory bounded by one batch.
   */
  private final class Batch {
    private final String campaignId;
    private final List<JdbcContacts.NewContact> pending = new ArrayList<>();
    private int added;
    private int duplicates;

    Batch(String campaignId) {
      this.campaignId = campaignId;
    }

    void add(JdbcContacts.NewContact contact) {
      pending.add(contact);
      if (pending.size() >= BATCH) {
        flush();
      }
    }

    void flush() {
      if (pending.isEmpty()) {
        return;
      }
      int inserted = contacts.addContacts(campaignId, pending);
      added += inserted;
      duplicates += pending.size() - inserted;
      pending.clear();
    }

    int rows() {
      return added + duplicates + pending.size();
    }
  }

  private static final int BATCH = 500;

  /**
   * Checks one valid row against the script and queues it; why it is refused otherwise (a variable
   * the script needs is missing or unreadable).
   */
  private Optional<Worded> prepare(
      Campaign campaign, DialogueScript script, ContactRow.Valid row, String source, Batch batch) {
    Map<String, String> variables = new LinkedHashMap<>(campaign.variables());
    for (Map.Entry<String, String> cell : row.variables().entrySet()) {
      String key = variableName(cell.getKey());
      DialogueScript.VariableKind kind = script.variables().get(key);
      if (kind != null && !cell.getValue().isBlank()) {
        variables.put(
            key,
            kind == DialogueScript.VariableKind.MONEY
                ? inCurrency(cell.getValue(), campaign.currency())
                : cell.getValue());
      }
    }
    if (!row.name().isBlank() && script.variables().containsKey("customer_name")) {
      variables.put("customer_name", row.name());
    }
    try {
      robot.checkVariables(script, variables);
    } catch (CallRefusedException e) {
      return Optional.of(
          ContactCsvReader.rowProblem(
              row.rowNumber(), e.wording().map(Object.class::cast).orElse(e.getMessage())));
    }
    batch.add(
        new JdbcContacts.NewContact(
            row.phone(),
            row.name().isBlank() ? null : row.name(),
            row.zone(),
            variables,
            row.dedupeKey(),
            variables.get("order_number"),
            source));
    return Optional.empty();
  }

  /** "199.00", "199" or "199.00元" as ops write them in a sheet; "1,299.50" with grouping too. */
  private static final Pattern BARE_AMOUNT =
      Pattern.compile("(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d{1,2})?\\s*(元)?");

  /**
   * An amount with its currency: a bare number takes the campaign's (and "元" is yuan); anything
   * else is left for the script check to read or refuse with its reason.
   */
  static String inCurrency(String amount, String campaignCurrency) {
    Matcher bare = BARE_AMOUNT.matcher(amount.strip());
    if (!bare.matches()) {
      return amount;
    }
    String number = bare.group(1).replace(",", "") + (bare.group(2) == null ? "" : bare.group(2));
    return number + " " + (bare.group(3) != null ? "CNY" : campaignCurrency);
  }

  private DialogueScript pinnedScript(Campaign campaign) {
    return scripts
        .find(campaign.scriptId(), campaign.scriptVersion())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "campaign "
                        + campaign.campaignId()
                        + " runs script "
                        + campaign.scriptId()
                        + " v"
                        + campaign.scriptVersion()
                        + ", which is gone"));
  }

  static String variableName(String header) {
    String key = header.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    return HEADER_ALIASES.getOrDefault(key, key);
  }

  private static void keep(List<ContactImport.RowError> errors, ContactImport.RowError error) {
    if (errors.size() < MAX_ROW_ERRORS) {
      errors.add(error);
    }
  }
}
