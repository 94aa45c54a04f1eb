package io.contactcenter.app.web;

import io.contactcenter.app.security.PhoneNumberVisibility;
import io.contactcenter.common.PhoneNumber;
import io.contactcenter.pbx.CallControl;
import io.contactcenter.pbx.CallDetailRecord;
import io.contactcenter.pbx.CallDetailRecords;
import io.contactcenter.pbx.OriginateAccepted;
import io.contactcenter.pbx.OriginateRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Call detail records, and placing a call (ops and admins). Caller, callee and channel are shown as
 * {@link PhoneNumberVisibility} allows the signed-in user.
 */
@RestController
class CallsController {

  private final CallControl calls;
  private final CallDetailRecords records;
  private final io.contactcenter.pbx.CallRecordings recordings;

  CallsController(
      CallControl calls,
      CallDetailRecords records,
      io.contactcenter.pbx.CallRecordings recordings) {
    this.calls = calls;
    this.records = records;
    this.recordings = recordings;
  }

  /**
   * @param destination E.164 number to call
   * @param trunk configured trunk name
   * @param context dialplan context to run once answered (default: the robot)
   * @param extension extension in that context
   * @param timeoutSeconds ring time, 1-180
   */
  record OriginateBody(
      String destination,
      String trunk,
      String callerId,
      String context,
      String extension,
      Integer timeoutSeconds,
      Map<String, String> variables) {}

  @GetMapping("/api/v1/calls")
  List<CallDetailRecord> recent(@RequestParam(defaultValue = "50") int limit, Authentication user) {
    PhoneNumberVisibility visibility = PhoneNumberVisibility.of(user);
    return records.recent(limit).stream().map(r -> shown(r, visibility)).toList();
  }

  @GetMapping("/api/v1/calls/{callId}")
  CallDetailRecord one(@PathVariable String callId, Authentication user) {
    return records
        .find(callId)
        .map(r -> shown(r, PhoneNumberVisibility.of(user)))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no call " + callId));
  }

  private static CallDetailRecord shown(CallDetailRecord r, PhoneNumberVisibility visibility) {
    if (visibility == PhoneNumberVisibility.FULL) {
      return r;
    }
    return new CallDetailRecord(
        r.callId(),
        r.linkedId(),
        visibility.show(r.channel()),
        visibility.show(r.caller()),
        visibility.show(r.callee()),
        r.attemptId(),
        r.cause(),
        r.causeText(),
        r.startedAt(),
        r.answeredAt(),
        r.endedAt(),
        r.durationSeconds(),
        r.billableSeconds());
  }

  @GetMapping(path = "/api/v1/calls/{callId}/recording", produces = "audio/wav")
  org.springframework.http.ResponseEntity<org.springframework.core.io.Resource> recording(
      @PathVariable String callId) {
    return recordings
        .find(callId)
        .<org.springframework.http.ResponseEntity<org.springframework.core.io.Resource>>map(
            file ->
                org.springframework.http.ResponseEntity.ok()
                    .contentType(org.springframework.http.MediaType.parseMediaType("audio/wav"))
                    .body(new org.springframework.core.io.FileSystemResource(file)))
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "no recording of call " + callId));
  }

  @PostMapping("/api/v1/calls/originate")
  @ResponseStatus(HttpStatus.ACCEPTED)
  OriginateAccepted originate(@RequestBody OriginateBody body) {
    OriginateRequest request =
        new OriginateRequest(
            "manual-" + UUID.randomUUID(),
            PhoneNumber.parse(body.destination()),
            body.trunk() == null ? calls.trunks().getFirst() : body.trunk(),
            body.callerId(),
            body.timeoutSeconds() == null
                ? calls.defaultTimeout()
                : Duration.ofSeconds(body.timeoutSeconds()),
            body.context() == null ? "robot" : body.context(),
            body.extension() == null ? "s" : body.extension(),
            body.variables());
    return calls.originate(request);
  }
}
