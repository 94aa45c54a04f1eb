package io.contactcenter.app.web;

import io.contactcenter.app.security.Actor;
import io.contactcenter.app.security.AuditLog;
import io.contactcenter.app.security.PhoneNumberVisibility;
import io.contactcenter.campaigns.Campaign;
import io.contactcenter.campaigns.CampaignAttempt;
import io.contactcenter.campaigns.CampaignChanges;
import io.contactcenter.campaigns.CampaignList;
import io.contactcenter.campaigns.CampaignProgress;
import io.contactcenter.campaigns.CampaignQuery;
import io.contactcenter.campaigns.CampaignState;
import io.contactcenter.campaigns.Campaigns;
import io.contactcenter.campaigns.ContactImport;
import io.contactcenter.campaigns.DoNotCallList;
import io.contactcenter.campaigns.NewCampaign;
import io.contactcenter.common.CampaignType;
import io.contactcenter.common.PhoneNumber;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Outbound campaigns for ops: set up, contacts, start/pause/stop, progress, results. */
@RestController
@Tag(name = "campaigns", description = "Outbound robot campaigns")
class CampaignsController {

  private final Campaigns campaigns;
  private final DoNotCallList doNotCall;
  private final AuditLog audit;
  private final ProblemWording wording;

  CampaignsController(
      Campaigns campaigns, DoNotCallList doNotCall, AuditLog audit, MessageSource messages) {
    this.campaigns = campaigns;
    this.doNotCall = doNotCall;
    this.audit = audit;
    this.wording = new ProblemWording(messages);
  }

  /**
   * @param type balance, delay or reactivate
   * @param callWindow e.g. "MON-FRI 09:00-21:00; SAT 10:00-18:00" (default every day 09:00-21:00)
   * @param variables values for every call, e.g. {"merchant": "Acme Shop"}
   * @param currency CNY (default), USD or EUR: given to amounts uploaded without a currency
   */
  record CreateBody(
      String name,
      String type,
      String language,
      String callWindow,
      List<LocalDate> holidays,
      Integer maxConcurrent,
      Double maxPerSecond,
      Integer maxAttempts,
      Instant startsAt,
      Map<String, String> variables,
      String currency) {}

  @Operation(summary = "Create a campaign (a draft) from a type's default script")
  @PostMapping("/api/v1/campaigns")
  @ResponseStatus(HttpStatus.CREATED)
  Campaign create(@RequestBody CreateBody body, Authentication user) {
    if (body == null) {
      throw new IllegalArgumentException("a campaign is required");
    }
    return campaigns.create(
        new NewCampaign(
            body.name(),
            CampaignType.fromCode(body.type()),
            body.language(),
            body.callWindow(),
            body.holidays(),
            body.maxConcurrent() == null ? 5 : body.maxConcurrent(),
            body.maxPerSecond() == null ? 1.0 : body.maxPerSecond(),
            body.maxAttempts() == null ? 3 : body.maxAttempts(),
            body.startsAt(),
            body.variables(),
            user.getName(),
            body.currency()));
  }

  @Operation(
      summary =
          "Change settings: limits any time, window/holidays/attempts/start/script version"
              + " while not running")
  @org.springframework.web.bind.annotation.PatchMapping("/api/v1/campaigns/{id}")
  Campaign change(@PathVariable String id, @RequestBody CampaignChanges changes) {
    if (changes == null) {
      throw new IllegalArgumentException("a change is required");
    }
    return campaigns.change(id, changes);
  }

  @Operation(
      summary = "List campaigns: newest first, filtered, one page at a time",
      description =
          "name: part of the name (any case); state: DRAFT, SCHEDULED, RUNNING, PAUSED, COMPLETED"
              + " or STOPPED; type: balance, delay or reactivate; page from 0; size 1 to 200."
              + " The header X-Total-Count says how many match on every page.")
  @GetMapping("/api/v1/campaigns")
  ResponseEntity<List<Campaign>> list(
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String type,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "200") int size) {
    CampaignList found =
        campaigns.search(
            new CampaignQuery(
                name,
                QueryParameters.enumValue("state", state, CampaignState.class),
                type == null || type.isBlank() ? null : CampaignType.fromCode(type),
                page,
                size));
    return ResponseEntity.ok()
        .header(QueryParameters.TOTAL_COUNT, Long.toString(found.total()))
        .body(found.campaigns());
  }

  @GetMapping("/api/v1/campaigns/{id}")
  Campaign one(@PathVariable String id) {
    return campaigns
        .find(id)
        .orElseThrow(() -> new io.contactcenter.campaigns.CampaignNotFoundException(id));
  }

  @Operation(
      summary = "Upload contacts (CSV: UTF-8, GBK/GB18030 or UTF-16); bad rows reported",
      description =
          "200 with the import's report (rejected rows listed); 422 when the whole file is"
              + " refused (empty, not text, no phone column), 413 over the upload limit.")
  @PostMapping(value = "/api/v1/campaigns/{id}/contacts", consumes = "multipart/form-data")
  ResponseEntity<?> upload(
      @PathVariable String id, @RequestPart("file") MultipartFile file, Authentication user)
      throws IOException {
    ContactImport report;
    try (InputStream in = file.getInputStream()) {
      report = campaigns.importContacts(id, file.getOriginalFilename(), in, user.getName());
    }
    if (report.error() != null) {
      // Still listed under the campaign's imports, so the console shows what was refused.
      String detail = worded(report.errorWording(), report.error());
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, detail);
      problem.setType(URI.create("urn:cc:problem:contact-file-rejected"));
      problem.setProperty("importId", report.importId());
      problem.setProperty("fileName", report.fileName());
      return ResponseEntity.unprocessableEntity().body(problem);
    }
    // The uploader typed the numbers the rejected rows quote: shown to them as typed.
    return ResponseEntity.ok(inReadersWords(report, PhoneNumberVisibility.FULL));
  }

  /**
   * Rejected rows in the reader's language; they quote the number as typed: masked for those who
   * see numbers masked.
   */
  @GetMapping("/api/v1/campaigns/{id}/imports")
  List<ContactImport> imports(@PathVariable String id, Authentication user) {
    PhoneNumberVisibility visibility = PhoneNumberVisibility.of(user);
    return campaigns.imports(id).stream().map(i -> inReadersWords(i, visibility)).toList();
  }

  private ContactImport inReadersWords(ContactImport i, PhoneNumberVisibility visibility) {
    return new ContactImport(
        i.importId(),
        i.campaignId(),
        i.fileName(),
        i.charset(),
        i.rows(),
        i.added(),
        i.duplicates(),
        i.rejected(),
        i.errors().stream()
            .map(
                e ->
                    new ContactImport.RowError(
                        e.row(), visibility.show(worded(e.wording(), e.reason())), e.wording()))
            .toList(),
        i.error() == null ? null : worded(i.errorWording(), i.error()),
        i.createdAt(),
        i.errorWording());
  }

  /** In the reader's language where the module gave a wording; stored English otherwise. */
  private String worded(io.contactcenter.common.Worded reason, String english) {
    return reason == null ? english : wording.of(reason, LocaleContextHolder.getLocale());
  }

  @PostMapping("/api/v1/campaigns/{id}/start")
  Campaign start(@PathVariable String id) {
    return campaigns.start(id);
  }

  @PostMapping("/api/v1/campaigns/{id}/pause")
  Campaign pause(@PathVariable String id) {
    return campaigns.pause(id);
  }

  @PostMapping("/api/v1/campaigns/{id}/resume")
  Campaign resume(@PathVariable String id) {
    return campaigns.resume(id);
  }

  @PostMapping("/api/v1/campaigns/{id}/stop")
  Campaign stop(@PathVariable String id) {
    return campaigns.stop(id);
  }

  @GetMapping("/api/v1/campaigns/{id}/progress")
  CampaignProgress progress(@PathVariable String id) {
    return campaigns.progress(id);
  }

  @GetMapping("/api/v1/campaigns/{id}/attempts")
  List<CampaignAttempt> attempts(
      @PathVariable String id,
      @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String dialOutcome,
      @RequestParam(defaultValue = "200") int limit) {
    return campaigns.attempts(id, outcome, dialOutcome, limit);
  }

  @Operation(
      summary = "Every attempt as CSV (UTF-8 with BOM; formula-looking cells neutralized)",
      description =
          "numbers=full gives phone numbers in full to the roles that may see them (admin,"
              + " supervisor, ops; 403 for others), and is recorded in the audit log.")
  @GetMapping("/api/v1/campaigns/{id}/attempts.csv")
  void export(
      @PathVariable String id,
      @RequestParam(defaultValue = "masked") String numbers,
      Authentication user,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    if (campaigns.find(id).isEmpty()) {
      throw new io.contactcenter.campaigns.CampaignNotFoundException(id);
    }
    boolean full =
        switch (numbers) {
          case "masked" -> false;
          case "full" -> true;
          default ->
              throw new IllegalArgumentException(
                  "numbers must be 'masked' or 'full', was '" + numbers + "'");
        };
    if (full) {
      if (PhoneNumberVisibility.of(user) != PhoneNumberVisibility.FULL) {
        throw new org.springframework.security.access.AccessDeniedException(
            "your roles may not see phone numbers in full");
      }
      audit.numbersExported(
          new Actor(user.getName(), request.getRemoteAddr()),
          "campaign:" + id,
          "attempts.csv with full phone numbers");
    }
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"" + id + "-attempts.csv\"");
    Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    campaigns.exportCsv(id, out, full);
  }

  record DoNotCallBody(String phone) {}

  @Operation(summary = "Put a number on the do-not-call list (cancels its pending calls)")
  @PostMapping("/api/v1/do-not-call")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void addDoNotCall(@RequestBody DoNotCallBody body, Authentication user) {
    doNotCall.add(PhoneNumber.parse(body == null ? null : body.phone()), "ops:" + user.getName());
  }

  @GetMapping("/api/v1/do-not-call/{phone}")
  Map<String, Object> onDoNotCall(@PathVariable String phone) {
    return Map.of("onList", doNotCall.contains(PhoneNumber.parse(phone)));
  }

  @Operation(summary = "Record a number's consent to re-activation offers")
  @PostMapping("/api/v1/consents")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void consent(@RequestBody DoNotCallBody body, Authentication user) {
    doNotCall.recordConsent(
        PhoneNumber.parse(body == null ? null : body.phone()), "ops:" + user.getName());
  }
}
