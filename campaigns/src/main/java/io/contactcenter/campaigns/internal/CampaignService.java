package io.contactcenter.campaigns.internal;

import io.contactcenter.campaigns.Campaign;
import io.contactcenter.campaigns.CampaignAttempt;
import io.contactcenter.campaigns.CampaignChanges;
import io.contactcenter.campaigns.CampaignNotFoundException;
import io.contactcenter.campaigns.CampaignProgress;
import io.contactcenter.campaigns.CampaignRejectedException;
import io.contactcenter.campaigns.CampaignState;
import io.contactcenter.campaigns.CampaignStateConflictException;
import io.contactcenter.campaigns.Campaigns;
import io.contactcenter.campaigns.ContactImport;
import io.contactcenter.campaigns.DoNotCallList;
import io.contactcenter.campaigns.NewCampaign;
import io.contactcenter.campaigns.internal.contacts.ContactCsvReader;
import io.contactcenter.campaigns.internal.contacts.ContactFileRejectedException;
import io.contactcenter.campaigns.internal.contacts.ContactRow;
import io.contactcenter.campaigns.internal.contacts.ImportOptions;
import io.contactcenter.campaigns.internal.contacts.ImportSummary;
import io.contactcenter.campaigns.internal.domain.CallWindow;
import io.contactcenter.common.PhoneNumber;
import io.contactcenter.outboundrobot.DialogueScript;
import io.contactcenter.outboundrobot.DialogueScripts;
import io.contactcenter.outboundrobot.RobotCalls;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/** Campaign set-up, contacts, lifecycle and reports; the dialing lives in {@link Dialer}. */
class CampaignService implements Campaigns, DoNotCallList {

  private static final Logger log = LoggerFactory.getLogger(CampaignService.class);

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

  private final JdbcCampaignStore store;
  private final DialogueScripts scripts;
  private final RobotCalls robot;
  private final ContactCsvReader reader;
  private final CampaignProperties config;
  private final TransactionTemplate tx;
  private final Clock clock;

  CampaignService(
      JdbcCampaignStore store,
      DialogueScripts scripts,
      RobotCalls robot,
      ContactCsvReader reader,
      CampaignProperties config,
      TransactionTemplate tx,
      Clock clock) {
    this.store = store;
    this.scripts = scripts;
    this.robot = robot;
    this.reader = reader;
    this.config = config;
    this.tx = tx;
    this.clock = clock;
  }

  @Override
  public Campaign create(NewCampaign request) {
    DialogueScript script = scripts.current(request.type());
    String language = request.language() == null ? script.language() : request.language();
    if (!script.languages().contains(language)) {
      throw new IllegalArgumentException(
          "the " + request.type().code() + " script has no prompts in '" + language + "'");
    }
    CallWindow window =
        (request.callWindow() == null || request.callWindow().isBlank()
                ? CallWindow.defaults()
                : CallWindow.parse(request.callWindow()))
            .withHolidays(request.holidays());
    for (String name : request.variables().keySet()) {
      if (!script.variables().containsKey(name)) {
        throw new IllegalArgumentException(
            "unknown variable '" + name + "': the script has " + script.variables().keySet());
      }
    }
    Campaign campaign =
        new Campaign(
            "cmp-" + UUID.randomUUID().toString().substring(0, 13),
            request.name(),
            request.type(),
            script.id(),
            script.version(),
            language,
            CampaignState.DRAFT,
            window.toText(),
            request.holidays(),
            request.maxConcurrent(),
            request.maxPerSecond(),
            request.maxAttempts(),
            request.startsAt(),
            request.variables(),
            request.createdBy(),
            clock.instant());
    store.insert(campaign);
    log.info(
        "campaign {} created: {} with script {} v{}",
        campaign.campaignId(),
        campaign.type().code(),
        script.id(),
        script.version());
    return store.find(campaign.campaignId()).orElseThrow();
  }

  @Override
  public Optional<Campaign> find(String campaignId) {
    return store.find(campaignId);
  }

  @Override
  public Campaign change(String campaignId, CampaignChanges changes) {
    return tx.execute(
        status -> {
          Campaign c =
              store.lock(campaignId).orElseThrow(() -> new CampaignNotFoundException(campaignId));
          boolean ended =
              c.state() == CampaignState.COMPLETED || c.state() == CampaignState.STOPPED;
          if (ended || (c.state() == CampaignState.RUNNING && !changes.onlyLimits())) {
            throw new CampaignStateConflictException(
                "campaign "
                    + campaignId
                    + " is "
                    + c.state()
                    + (ended
                        ? ": it can no longer change"
                        : ": pause it to change anything but its limits"));
          }
          List<java.time.LocalDate> holidays =
              changes.holidays() == null ? c.holidays() : changes.holidays();
          String window =
              changes.callWindow() == null
                  ? c.callWindow()
                  : CallWindow.parse(changes.callWindow()).withHolidays(holidays).toText();
          int version = c.scriptVersion();
          if (changes.scriptVersion() != null) {
            DialogueScript script =
                scripts
                    .find(c.scriptId(), changes.scriptVersion())
                    .orElseThrow(
                        () ->
                            new IllegalArgumentException(
                                "script "
                                    + c.scriptId()
                                    + " has no version "
                                    + changes.scriptVersion()));
            for (String name : c.variables().keySet()) {
              if (!script.variables().containsKey(name)) {
                throw new IllegalArgumentException(
                    "version " + script.version() + " has no variable '" + name + "'");
              }
            }
            version = script.version();
          }
          store.update(
              new Campaign(
                  c.campaignId(),
                  c.name(),
                  c.type(),
                  c.scriptId(),
                  version,
                  c.language(),
                  c.state(),
                  window,
                  holidays,
                  changes.maxConcurrent() == null ? c.maxConcurrent() : changes.maxConcurrent(),
                  changes.maxPerSecond() == null ? c.maxPerSecond() : changes.maxPerSecond(),
                  changes.maxAttempts() == null ? c.maxAttempts() : changes.maxAttempts(),
                  changes.startsAt() == null ? c.startsAt() : changes.startsAt(),
                  c.variables(),
                  c.createdBy(),
                  c.createdAt()));
          log.info("campaign {} settings changed", campaignId);
          return store.find(campaignId).orElseThrow();
        });
  }

  @Override
  public List<Campaign> list() {
    return store.list();
  }

  @Override
  public ContactImport importContacts(
      String campaignId, String fileName, InputStream csv, String user) {
    Campaign campaign = existing(campaignId);
    if (campaign.state() == CampaignState.COMPLETED || campaign.state() == CampaignState.STOPPED) {
      throw new CampaignStateConflictException(
          "campaign " + campaignId + " is " + campaign.state() + ": it takes no more contacts");
    }
    String importId = "imp-" + UUID.randomUUID();
    String name = fileName == null || fileName.isBlank() ? "contacts.csv" : fileName.strip();
    DialogueScript script = pinnedScript(campaign);
    String source = "csv:" + importId;
    // Visible at once with its counts so far, so the console can show a long import's progress.
    store.startImport(importId, campaignId, name, user);
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
                          store.importProgress(
                              importId, batch.rows(), batch.added, batch.duplicates, rejected[0])),
              row -> {
                switch (row) {
                  case ContactRow.Valid valid -> {
                    Optional<String> problem = prepare(campaign, script, valid, source, batch);
                    if (problem.isPresent()) {
                      rejected[0]++;
                      keep(errors, new ContactImport.RowError(valid.rowNumber(), problem.get()));
                    }
                  }
                  case ContactRow.Rejected bad -> {
                    rejected[0]++;
                    keep(errors, new ContactImport.RowError(bad.rowNumber(), bad.reason()));
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
              clock.instant());
      store.finishImport(refused);
      return refused;
    } catch (UncheckedIOException e) {
      batch.flush();
      store.finishImport(
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
    store.finishImport(report);
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
    private final List<JdbcCampaignStore.NewContact> pending = new ArrayList<>();
    private int added;
    private int duplicates;

    Batch(String campaignId) {
      this.campaignId = campaignId;
    }

    void add(JdbcCampaignStore.NewContact contact) {
      pending.add(contact);
      if (pending.size() >= BATCH) {
        flush();
      }
    }

    void flush() {
      if (pending.isEmpty()) {
        return;
      }
      int inserted = store.addContacts(campaignId, pending);
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
  private Optional<String> prepare(
      Campaign campaign, DialogueScript script, ContactRow.Valid row, String source, Batch batch) {
    Map<String, String> variables = new LinkedHashMap<>(campaign.variables());
    for (Map.Entry<String, String> cell : row.variables().entrySet()) {
      String key = variableName(cell.getKey());
      if (script.variables().containsKey(key) && !cell.getValue().isBlank()) {
        variables.put(key, cell.getValue());
      }
    }
    if (!row.name().isBlank() && script.variables().containsKey("customer_name")) {
      variables.put("customer_name", row.name());
    }
    try {
      robot.checkVariables(script, variables);
    } catch (IllegalArgumentException e) {
      return Optional.of("row " + row.rowNumber() + ": " + e.getMessage());
    }
    batch.add(
        new JdbcCampaignStore.NewContact(
            row.phone(),
            row.name().isBlank() ? null : row.name(),
            row.zone(),
            variables,
            row.dedupeKey(),
            variables.get("order_number"),
            source));
    return Optional.empty();
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

  @Override
  public List<ContactImport> imports(String campaignId) {
    existing(campaignId);
    return store.imports(campaignId);
  }

  @Override
  public Campaign start(String campaignId) {
    return transition(
        campaignId,
        campaign -> {
          if (campaign.state() != CampaignState.DRAFT
              && campaign.state() != CampaignState.SCHEDULED) {
            throw conflict(campaign, "start");
          }
          if (store.countContacts(campaignId, "PENDING") == 0) {
            throw new CampaignRejectedException(
                List.of("campaign " + campaignId + " has no valid contact to call"));
          }
          boolean later =
              campaign.state() == CampaignState.DRAFT
                  && campaign.startsAt() != null
                  && campaign.startsAt().isAfter(clock.instant());
          return later ? CampaignState.SCHEDULED : CampaignState.RUNNING;
        });
  }

  @Override
  public Campaign pause(String campaignId) {
    return transition(
        campaignId,
        campaign -> {
          if (campaign.state() != CampaignState.RUNNING
              && campaign.state() != CampaignState.SCHEDULED) {
            throw conflict(campaign, "pause");
          }
          return CampaignState.PAUSED;
        });
  }

  @Override
  public Campaign resume(String campaignId) {
    return transition(
        campaignId,
        campaign -> {
          if (campaign.state() != CampaignState.PAUSED) {
            throw conflict(campaign, "resume");
          }
          return CampaignState.RUNNING;
        });
  }

  @Override
  public Campaign stop(String campaignId) {
    Campaign stopped =
        transition(
            campaignId,
            campaign -> {
              if (campaign.state() == CampaignState.COMPLETED
                  || campaign.state() == CampaignState.STOPPED) {
                throw conflict(campaign, "stop");
              }
              store.cancelPendingForCampaign(campaignId, "campaign stopped");
              return CampaignState.STOPPED;
            });
    return stopped;
  }

  private interface Transition {
    CampaignState next(Campaign current);
  }

  private Campaign transition(String campaignId, Transition transition) {
    return tx.execute(
        status -> {
          Campaign current =
              store.lock(campaignId).orElseThrow(() -> new CampaignNotFoundException(campaignId));
          CampaignState next = transition.next(current);
          store.state(campaignId, next);
          log.info("campaign {}: {} -> {}", campaignId, current.state(), next);
          return store.find(campaignId).orElseThrow();
        });
  }

  private static CampaignStateConflictException conflict(Campaign campaign, String action) {
    return new CampaignStateConflictException(
        "cannot " + action + " campaign " + campaign.campaignId() + ": it is " + campaign.state());
  }

  @Override
  public CampaignProgress progress(String campaignId) {
    return store.progress(existing(campaignId));
  }

  @Override
  public List<CampaignAttempt> attempts(
      String campaignId, String outcome, String dialOutcome, int limit) {
    existing(campaignId);
    return store.attempts(
        campaignId,
        blankToNull(outcome) == null ? null : outcome.strip().toUpperCase(Locale.ROOT),
        blankToNull(dialOutcome) == null ? null : dialOutcome.strip().toUpperCase(Locale.ROOT),
        Math.max(1, Math.min(limit, 1000)));
  }

  @Override
  public void exportCsv(String campaignId, Writer out) {
    existing(campaignId);
    try {
      out.write(
          "attempt_id,contact_id,phone,name,attempt_no,state,dial_outcome,outcome,callback_at,"
              + "created_at,finished_at\r\n");
      for (CampaignAttempt a : store.attempts(campaignId, null, null, Integer.MAX_VALUE)) {
        out.write(
            String.join(
                    ",",
                    CsvCells.cell(a.attemptId()),
                    CsvCells.cell(Long.toString(a.contactId())),
                    CsvCells.cell(a.phone()),
                    CsvCells.cell(a.name()),
                    CsvCells.cell(Integer.toString(a.attemptNo())),
                    CsvCells.cell(a.state()),
                    CsvCells.cell(a.dialOutcome()),
                    CsvCells.cell(a.outcome()),
                    CsvCells.cell(a.callbackAt() == null ? null : a.callbackAt().toString()),
                    CsvCells.cell(a.createdAt() == null ? null : a.createdAt().toString()),
                    CsvCells.cell(a.finishedAt() == null ? null : a.finishedAt().toString()))
                + "\r\n");
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // --------------------------------------------------------------------------------- do-not-call

  @Override
  public void add(PhoneNumber phone, String source) {
    tx.executeWithoutResult(
        status -> {
          boolean added = store.addDoNotCall(phone, source);
          int cancelled = store.cancelPendingForPhone(phone, "do-not-call list");
          if (added) {
            log.info(
                "{} added to the do-not-call list by {}: {} pending contact(s) cancelled",
                phone,
                source,
                cancelled);
          }
        });
  }

  @Override
  public boolean contains(PhoneNumber phone) {
    return store.onDoNotCall(phone);
  }

  @Override
  public void recordConsent(PhoneNumber phone, String source) {
    store.addConsent(phone, source);
  }

  private Campaign existing(String campaignId) {
    return store.find(campaignId).orElseThrow(() -> new CampaignNotFoundException(campaignId));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
