package io.contactcenter.campaigns;

import java.io.InputStream;
import java.io.Writer;
import java.util.List;
import java.util.Optional;

/**
 * Ops' outbound campaigns: set up, contacts, lifecycle, live progress and results.
 *
 * <p>Thread-safe; state changes are stored at once and every instance's dialer obeys them on its
 * next tick (within a second).
 */
public interface Campaigns {

  /** Creates a DRAFT campaign pinned to its type's current script version. */
  Campaign create(NewCampaign campaign);

  Optional<Campaign> find(String campaignId);

  /**
   * Changes a campaign's settings (see {@link CampaignChanges} for what may change when).
   *
   * @throws CampaignStateConflictException when the change is not allowed in its state
   * @throws IllegalArgumentException naming a bad window or an unknown script version
   */
  Campaign change(String campaignId, CampaignChanges changes);

  /** Newest first. */
  List<Campaign> list();

  /** One page of the campaigns matching {@code query}, newest first (ties by id). */
  CampaignList search(CampaignQuery query);

  /**
   * Adds the contacts of a CSV file (UTF-8 with or without BOM, GBK/GB18030, UTF-16), streamed.
   * Rows with a bad number, an excluded number type or a missing script variable are reported and
   * skipped; good rows are kept; a row already in the campaign is counted as a duplicate.
   *
   * @throws CampaignNotFoundException for an unknown campaign
   * @throws CampaignStateConflictException once the campaign is completed or stopped
   */
  ContactImport importContacts(String campaignId, String fileName, InputStream csv, String user);

  /** The campaign's uploads, newest first, with their row errors. */
  List<ContactImport> imports(String campaignId);

  /**
   * Starts a DRAFT campaign (or SCHEDULED: starts it now), or schedules it when it has a future
   * start time.
   *
   * @throws CampaignRejectedException when it has no contact to call
   * @throws CampaignStateConflictException when it is not a draft
   */
  Campaign start(String campaignId);

  Campaign pause(String campaignId);

  Campaign resume(String campaignId);

  /** Stops for good: contacts not yet called are cancelled; calls in flight finish. */
  Campaign stop(String campaignId);

  CampaignProgress progress(String campaignId);

  /**
   * Attempts newest first, filtered by dialogue outcome code and/or dial outcome ({@code null}:
   * any); {@code limit} capped at 1000.
   */
  List<CampaignAttempt> attempts(String campaignId, String outcome, String dialOutcome, int limit);

  /**
   * The contact a dial attempt of a campaign called; empty for an unknown attempt or one placed
   * outside a campaign (ops trying a script on their own phone).
   *
   * @param attemptId the robot attempt's id, which is also the campaign attempt's
   */
  Optional<CalledContact> contactCalled(String attemptId);

  /**
   * Writes every attempt as CSV: UTF-8 with a byte-order mark (so that Excel opens Chinese names
   * right), a header, and each attempt with its contact's order number and amount. Cells that a
   * spreadsheet would run as a formula (starting with = + - @, tab or carriage return) are prefixed
   * with an apostrophe.
   *
   * @param fullNumbers phone numbers in full; otherwise masked. The caller decides who may have
   *     them and records that they did.
   */
  void exportCsv(String campaignId, Writer out, boolean fullNumbers);
}
