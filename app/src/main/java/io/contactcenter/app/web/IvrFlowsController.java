package io.contactcenter.app.web;

import io.contactcenter.ivr.FlowNotFoundException;
import io.contactcenter.ivr.FlowProblem;
import io.contactcenter.ivr.IvrFlows;
import io.contactcenter.ivr.IvrReports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Hotline IVR flows for admins: list versions, read, validate, save a new version, activate. */
@RestController
@Tag(name = "ivr", description = "Versioned hotline IVR flows")
class IvrFlowsController {

  private final IvrFlows flows;
  private final IvrReports reports;
  private final ProblemWording wording;

  IvrFlowsController(IvrFlows flows, IvrReports reports, MessageSource messages) {
    this.flows = flows;
    this.reports = reports;
    this.wording = new ProblemWording(messages);
  }

  @Operation(
      summary =
          "Containment per intent of the sessions started in [from, to) (ISO instants; default"
              + " the last 7 days)")
  @GetMapping("/api/v1/ivr/reports/containment")
  List<IvrReports.IntentContainment> containment(
      @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
    Instant end = to == null ? Instant.now() : to;
    Instant start = from == null ? end.minus(Duration.ofDays(7)) : from;
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("from must be before to");
    }
    return reports.containment(start, end);
  }

  @Operation(summary = "The newest IVR sessions: path, inputs and time per node, outcome")
  @GetMapping("/api/v1/ivr/sessions")
  List<IvrReports.IvrSession> sessions(@RequestParam(defaultValue = "50") int limit) {
    return reports.recentSessions(limit);
  }

  @Operation(summary = "Every version of every flow, newest first; the active one is marked")
  @GetMapping("/api/v1/ivr/flows")
  List<IvrFlows.FlowVersion> versions() {
    return flows.versions();
  }

  @Operation(summary = "One version's source (YAML or JSON as saved; the built-in as shipped)")
  @GetMapping(value = "/api/v1/ivr/flows/{flowId}/versions/{version}", produces = "text/plain")
  String source(@PathVariable String flowId, @PathVariable int version) {
    return flows
        .source(flowId, version)
        .orElseThrow(() -> new FlowNotFoundException(flowId, version));
  }

  @Operation(summary = "One version's prompts, English and Chinese side by side")
  @GetMapping("/api/v1/ivr/flows/{flowId}/versions/{version}/prompts")
  List<IvrFlows.FlowPrompt> prompts(@PathVariable String flowId, @PathVariable int version) {
    return flows.prompts(flowId, version);
  }

  /**
   * The result of checking a flow.
   *
   * @param problems every problem with its path, code and message (in the caller's language); empty
   *     when valid
   */
  record Validation(boolean valid, List<Map<String, String>> problems) {}

  @Operation(summary = "Check a flow (YAML or JSON) without saving it")
  @PostMapping(value = "/api/v1/ivr/flows/validate", consumes = "*/*")
  Validation validate(@RequestBody String source) {
    List<FlowProblem> problems = flows.validate(source);
    return new Validation(
        problems.isEmpty(), wording.listed(problems, FlowProblem::path, FlowProblem::code));
  }

  @Operation(summary = "Save a flow (YAML or JSON) as its next version; 422 lists every problem")
  @PostMapping(value = "/api/v1/ivr/flows", consumes = "*/*")
  @ResponseStatus(HttpStatus.CREATED)
  IvrFlows.FlowVersion save(@RequestBody String source, Authentication user) {
    return flows.save(source, user.getName());
  }

  @Operation(summary = "Make a version the one new calls run")
  @PostMapping("/api/v1/ivr/flows/{flowId}/versions/{version}/activate")
  IvrFlows.FlowVersion activate(
      @PathVariable String flowId, @PathVariable int version, Authentication user) {
    return flows.activate(flowId, version, user.getName());
  }
}
