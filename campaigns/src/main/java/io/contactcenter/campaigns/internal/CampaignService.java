package io.contactcenter.campaigns.internal;

import io.contactcenter.campaigns.CalledContact;
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
import io.contactcenter.campaigns.internal.domain.CallWindow;
import io.contactcenter.common.CsvCells;
import io.contactcenter.common.PhoneNumber;
import io.contactcenter.outboundrobot.DialogueScript;
import io.contactcenter.outboundrobot.DialogueScripts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Campaign set-up, lifecycle and reports, and the do-not-call list; contact uploads are read by
 * {@link ContactImports}, the dialing lives in {@link Dialer}.
 */
class CampaignService implements Campaigns, DoNotCallList {

  private static final Logger log = LoggerFactory.getLogger(CampaignService.class);

  private final JdbcCampaigns campaigns;
  private final JdbcContacts contacts;
  private final JdbcCampaignReports reports;
  private final JdbcImports imports;
  private final JdbcDoNotCall doNotCallStore;
  private final DialogueScripts scripts;
  private final ContactImports contactImports;
  private final TransactionTemplate tx;
  private final Clock clock;

  CampaignService(
      JdbcCampaigns campaigns,
      JdbcContacts contacts,
      JdbcCampaignReports reports,
      JdbcImports imports,
      JdbcDoNotCall doNotCallStore,
      DialogueScripts scripts,
      ContactImports contactImports,
      TransactionTemplate tx,
      Clock clock) {
    this.campaigns = campaigns;
    this.contacts = contacts;
    this.reports = reports;
    this.imports = imports;
    this.doNotCallStore = doNotCallStore;
    this.scripts = scripts;
    this.contactImports = contactImports;
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
            clock.instant(),
            request.currency());
    campaigns.insert(campaign);
    log.info(
        "campaign {} created: {} with script {} v{}",
        campaign.campaignId(),
        campaign.type().code(),
        script.id(),
        script.version());
    return campaigns.find(campaign.campaignId()).orElseThrow();
  }

  @Override
  public Optional<Campaign> find(String campaignId) {
    return campaigns.find(campaignId);
  }

  @Override
  public Optional<CalledContact> contactCalled(String attemptId) {
    return contacts.calledBy(attemptId);
  }

  @Override
  public Campaign change(String campaignId, CampaignChanges changes) {
    return tx.execute(
        status -> {
          Campaign c =
              campaigns
                  .lock(campaignId)
                  .orElseThrow(() -> new CampaignNotFoundException(campaignId));
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
          campaigns.update(
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
                  c.createdAt(),
                  c.currency()));
          log.info("campaign {} settings changed", campaignId);
          return campaigns.find(campaignId).orElseThrow();
        });
  }

  @Override
  public List<Campaign> list() {
    return campaigns.list();
  }

  @Override
  public io.contactcenter.campaigns.CampaignList search(
      io.contactcenter.campaigns.CampaignQuery query) {
    return campaigns.search(query);
  }

  @Override
  public ContactImport importContacts(
      String campaignId, String fileName, InputStream csv, String user) {
    return contactImports.importContacts(existing(campaignId), fileName, csv, user);
  }

  @Override
  public List<ContactImport> imports(String campaignId) {
    existing(campaignId);
    return imports.imports(campaignId);
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
          if (contacts.countContacts(campaignId, "PENDING") == 0) {
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
              contacts.cancelPendingForCampaign(campaignId, "campaign stopped");
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
              campaigns
                  .lock(campaignId)
                  .orElseThrow(() -> new CampaignNotFoundException(campaignId));
          CampaignState next = transition.next(current);
          campaigns.state(campaignId, next);
          log.info("campaign {}: {} -> {}", campaignId, current.state(), next);
          return campaigns.find(campaignId).orElseThrow();
        });
  }

  private static CampaignStateConflictException conflict(Campaign campaign, String action) {
    return new CampaignStateConflictException(
        "cannot " + action + " campaign " + campaign.campaignId() + ": it is " + campaign.state());
  }

  @Override
  public CampaignProgress progress(String campaignId) {
    return reports.progress(existing(campaignId));
  }

  @Override
  public List<CampaignAttempt> attempts(
      String campaignId, String outcome, String dialOutcome, int limit) {
    existing(campaignId);
    return reports.attempts(
        campaignId,
        blankToNull(outcome) == null ? null : outcome.strip().toUpperCase(Locale.ROOT),
        blankToNull(dialOutcome) == null ? null : dialOutcome.strip().toUpperCase(Locale.ROOT),
        Math.max(1, Math.min(limit, 1000)));
  }

  @Override
  public void exportCsv(String campaignId, Writer out, boolean fullNumbers) {
    existing(campaignId);
    try {
      out.write(CsvCells.BOM);
      out.write(
          "attempt_id,contact_id,phone,name,order_number,amount_due,attempt_no,state,"
              + "dial_outcome,outcome,callback_at,created_at,finished_at\r\n");
      for (JdbcCampaignReports.ExportRow row : reports.export(campaignId)) {
        CampaignAttempt a = row.attempt();
        out.write(
            String.join(
                    ",",
                    CsvCells.cell(a.attemptId()),
                    CsvCells.cell(Long.toString(a.contactId())),
                    CsvCells.cell(fullNumbers ? row.fullPhone() : a.phone()),
                    CsvCells.cell(a.name()),
                    CsvCells.cell(row.orderNumber()),
                    CsvCells.cell(row.amountDue()),
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
          boolean added = doNotCallStore.addDoNotCall(phone, source);
          int cancelled = contacts.cancelPendingForPhone(phone, "do-not-call list");
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
    return doNotCallStore.onDoNotCall(phone);
  }

  @Override
  public void recordConsent(PhoneNumber phone, String source) {
    doNotCallStore.addConsent(phone, source);
  }

  private Campaign existing(String campaignId) {
    return campaigns.find(campaignId).orElseThrow(() -> new CampaignNotFoundException(campaignId));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
