package io.contactcenter.app.web;

import io.contactcenter.common.CsvCells;
import io.contactcenter.routing.ContactChannel;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Supervisors' reports as JSON and as CSV per table (roles SUPERVISOR and ADMIN,
 * SecurityConfiguration); the page is {@link SupervisorPages}. Parameters: {@code period} ({@code
 * today}, {@code yesterday}, {@code last-7-days}, {@code custom}) and, for a custom range, {@code
 * from} and {@code to} (dates, both included).
 */
@RestController
class ReportsController {

  private final SupervisorReports reports;
  private final MessageSource messages;

  ReportsController(SupervisorReports reports, MessageSource messages) {
    this.reports = reports;
    this.messages = messages;
  }

  @Operation(summary = "Per queue and per agent figures over whole days in the center's zone")
  @GetMapping("/api/v1/supervisor/reports")
  SupervisorReports.Report report(
      @RequestParam(required = false) String period,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    return reports.report(reports.interval(period, from, to));
  }

  @Operation(
      summary =
          "Contacts offered, answered and abandoned per hour of one day in the center's zone, for"
              + " one queue or all queues")
  @GetMapping("/api/v1/supervisor/reports/hourly")
  SupervisorReports.Hourly hourly(
      @RequestParam(required = false) String day, @RequestParam(required = false) String queue) {
    return reports.hourly(day, queue);
  }

  /** The message keys of the queue table's columns, in order. */
  private static final String[] QUEUE_COLUMNS = {
    "reports.queue",
    "reports.channel",
    "reports.offered",
    "reports.answered",
    "reports.abandoned",
    "reports.abandon-rate",
    "reports.callbacks",
    "reports.transferred-out",
    "reports.transferred-in",
    "reports.asa",
    "reports.aht",
    "reports.threshold",
    "reports.service-level",
    "reports.service-level2",
    "reports.longest-wait"
  };

  /** The message keys of the agent table's columns, in order. */
  private static final String[] AGENT_COLUMNS = {
    "reports.agent",
    "reports.channel",
    "reports.handled",
    "reports.completed",
    "reports.handle-time",
    "reports.aht",
    "reports.transfers-out",
    "reports.transfers-in"
  };

  @Operation(
      summary =
          "One table as CSV, queues.csv or agents.csv (UTF-8 with BOM; formula-looking cells"
              + " neutralized)")
  @GetMapping("/api/v1/supervisor/reports/{table:queues|agents}.csv")
  void csv(
      @PathVariable String table,
      @RequestParam(required = false) String period,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      Locale locale,
      HttpServletResponse response)
      throws IOException {
    SupervisorReports.Report report = reports.report(reports.interval(period, from, to));
    List<List<String>> rows = new ArrayList<>();
    if (table.equals("queues")) {
      rows.add(headers(locale, QUEUE_COLUMNS));
      for (SupervisorReports.QueueRow q : report.queues()) {
        rows.add(
            List.of(
                q.queue(),
                channel(q.channel(), locale),
                Long.toString(q.offered()),
                Long.toString(q.answered()),
                Long.toString(q.abandoned()),
                percent(q.abandonRate()),
                Long.toString(q.callbacks()),
                Long.toString(q.transferredOut()),
                Long.toString(q.transferredIn()),
                decimal(q.averageSpeedOfAnswerSeconds()),
                decimal(q.averageHandleSeconds()),
                Long.toString(q.serviceLevelThresholdSeconds()),
                percent(q.serviceLevel()),
                percent(q.serviceLevel2()),
                decimal(q.longestWaitSeconds())));
      }
    } else {
      rows.add(headers(locale, AGENT_COLUMNS));
      for (SupervisorReports.AgentRow a : report.agents()) {
        rows.add(
            List.of(
                a.agentId(),
                channel(a.channel(), locale),
                Long.toString(a.handled()),
                Long.toString(a.completed()),
                decimal(a.handleSeconds()),
                decimal(a.averageHandleSeconds()),
                Long.toString(a.transfersOut()),
                Long.toString(a.transfersIn())));
      }
    }
    write(response, table, report, rows);
  }

  @Operation(
      summary =
          "Each agent's time by presence state (not ready per reason) and QA score as CSV (UTF-8"
              + " with BOM; formula-looking cells neutralized)")
  @GetMapping("/api/v1/supervisor/reports/agent-time.csv")
  void agentTimeCsv(
      @RequestParam(required = false) String period,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      Locale locale,
      HttpServletResponse response)
      throws IOException {
    SupervisorReports.Report report = reports.report(reports.interval(period, from, to));
    List<String> reasons = SupervisorReports.reasons(report);
    List<String> header = headers(locale, "reports.agent");
    for (String time :
        List.of(
            "reports.logged-in",
            "reports.ready",
            "reports.on-contact",
            "reports.after-call-work",
            "reports.not-ready")) {
      header.add(inSeconds(messages.getMessage(time, null, locale), locale));
    }
    header.addAll(
        headers(locale, "reports.occupancy", "reports.qa-conversations", "reports.qa-score"));
    // One column per reason given in the days: a spreadsheet sums and charts them directly.
    for (String reason : reasons) {
      header.add(
          inSeconds(
              messages.getMessage("reports.not-ready-reason", new Object[] {reason}, locale),
              locale));
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(header);
    for (SupervisorReports.AgentTimeRow a : report.agentTimes()) {
      List<String> row = new ArrayList<>();
      row.add(a.agentId());
      row.add(decimal(a.loggedInSeconds()));
      row.add(decimal(a.readySeconds()));
      row.add(decimal(a.onContactSeconds()));
      row.add(decimal(a.afterCallWorkSeconds()));
      row.add(decimal(a.notReadySeconds()));
      row.add(percent(a.occupancy()));
      row.add(Long.toString(a.qaConversations()));
      row.add(decimal(a.qaMeanScore()));
      for (String reason : reasons) {
        row.add(
            decimal(
                a.notReadyByReason().stream()
                    .filter(r -> r.reason().equals(reason))
                    .mapToDouble(SupervisorReports.ReasonTime::seconds)
                    .sum()));
      }
      rows.add(row);
    }
    write(response, "agent-time", report, rows);
  }

  private String inSeconds(String header, Locale locale) {
    return messages.getMessage("reports.in-seconds", new Object[] {header}, locale);
  }

  private List<String> headers(Locale locale, String... keys) {
    List<String> headers = new ArrayList<>();
    for (String key : keys) {
      headers.add(messages.getMessage(key, null, locale));
    }
    return headers;
  }

  private String channel(ContactChannel channel, Locale locale) {
    return messages.getMessage("js.reports.channel." + channel.name(), null, locale);
  }

  /** A share 0 to 1 as a percentage with one decimal, "" when there is none. */
  private static String percent(Double share) {
    return share == null ? "" : String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  private static String decimal(Double value) {
    return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
  }

  /**
   * Writes the rows with a byte-order mark (Excel then reads UTF-8, so Chinese names stay readable)
   * and every cell through {@link CsvCells} (no formula runs in a spreadsheet).
   */
  private static void write(
      HttpServletResponse response,
      String table,
      SupervisorReports.Report report,
      List<List<String>> rows)
      throws IOException {
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"" + table + "-" + report.from() + "-" + report.to() + ".csv\"");
    Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    out.write('\uFEFF');
    for (List<String> row : rows) {
      out.write(row.stream().map(CsvCells::cell).collect(Collectors.joining(",")));
      out.write("\r\n");
    }
    out.flush();
  }
}
