package io.contactcenter.app.web;

import io.contactcenter.app.security.PhoneNumberVisibility;
import io.contactcenter.pbx.SoftphoneCredentials;
import io.contactcenter.pbx.Softphones;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agent page's own API under {@code /agent/api} (role AGENT, like every {@code /agent/**}
 * path): softphone credentials for the signed-in agent only, the disposition after a call, and the
 * caller's history. Presence and offers belong to the routing engine's agent API.
 */
@RestController
class AgentWorkspaceController {

  private static final Logger log = LoggerFactory.getLogger(AgentWorkspaceController.class);

  /** Asterisk's UNIQUEID ({@code 1733212345.42}) or a SIP Call-ID: no spaces, no markup. */
  private static final Pattern CALL_ID = Pattern.compile("[A-Za-z0-9._@:+-]{1,128}");

  static final int MAX_NOTES = 2000;

  private final Softphones softphones;
  private final JdbcDispositions dispositions;
  private final CustomerTimeline timeline;

  AgentWorkspaceController(
      Softphones softphones, JdbcDispositions dispositions, CustomerTimeline timeline) {
    this.softphones = softphones;
    this.dispositions = dispositions;
    this.timeline = timeline;
  }

  /**
   * What the page's softphone registers with; never rendered into a page, never logged.
   *
   * @param websocketUrl Asterisk's WebSocket transport
   */
  record CredentialsView(
      String username, String password, String domain, URI websocketUrl, Instant expiresAt) {}

  /** New credentials for the caller's own endpoint; the previous ones stop working. */
  @PostMapping("/agent/api/softphone/credentials")
  ResponseEntity<CredentialsView> credentials(Authentication user) {
    return issued(softphones.issue(user.getName()));
  }

  /** Credentials as a response no cache keeps. */
  static ResponseEntity<CredentialsView> issued(SoftphoneCredentials c) {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(
            new CredentialsView(
                c.username(), c.password(), c.domain(), c.websocketUrl(), c.expiresAt()));
  }

  /**
   * Where another agent's softphone is reached, for a blind transfer (REFER) from the page. Names
   * no secret: the endpoint only answers with that agent's own credentials.
   */
  record EndpointView(String agent, String endpoint) {}

  @GetMapping("/agent/api/softphone/endpoint")
  EndpointView endpoint(@RequestParam String agent) {
    if (agent.isBlank() || agent.length() > 100) {
      throw new IllegalArgumentException("agent must be a sign-in name of 1-100 characters");
    }
    return new EndpointView(agent, softphones.endpointOf(agent));
  }

  /**
   * A call's disposition as the agent page sends it.
   *
   * @param callId the X-CC-Call-Id Asterisk put on the agent's INVITE (the caller channel's
   *     UNIQUEID, also the CDR's and the recording's name), else the SIP Call-ID
   * @param caller the caller's number as the page showed it
   * @param notes free text, at most {@value #MAX_NOTES} characters; stored as typed and escaped
   *     wherever shown
   */
  record DispositionRequest(String callId, String caller, Disposition disposition, String notes) {
    DispositionRequest {
      if (callId == null || !CALL_ID.matcher(callId).matches()) {
        throw new IllegalArgumentException(
            "callId must be 1-128 letters, digits or . _ @ : + -, the id of the call to close");
      }
      if (disposition == null) {
        throw new IllegalArgumentException(
            "disposition is required, one of " + List.of(Disposition.values()));
      }
      if (caller != null && caller.length() > 64) {
        throw new IllegalArgumentException("caller must be at most 64 characters");
      }
      notes = notes == null ? "" : notes;
      if (notes.length() > MAX_NOTES) {
        throw new IllegalArgumentException(
            "notes must be at most " + MAX_NOTES + " characters, not " + notes.length());
      }
    }
  }

  record DispositionView(String callId, Disposition disposition, Instant recordedAt) {}

  @PostMapping("/agent/api/dispositions")
  DispositionView dispose(@RequestBody DispositionRequest request, Authentication user) {
    if (request == null) {
      throw new IllegalArgumentException("a disposition needs callId and disposition");
    }
    Instant at = dispositions.record(user.getName(), request);
    log.info("call {} closed by agent as {}", request.callId(), request.disposition());
    return new DispositionView(request.callId(), request.disposition(), at);
  }

  /**
   * The caller's earlier calls, IVR sessions, robot calls and dispositions, newest first ({@link
   * CustomerTimeline}). Numbers inside texts are masked for viewers who may not see them ({@link
   * PhoneNumberVisibility}).
   */
  @GetMapping("/agent/api/timeline")
  List<CustomerTimeline.Item> timeline(@RequestParam String caller, Authentication user) {
    if (caller.isBlank() || caller.length() > 64) {
      throw new IllegalArgumentException("caller must be 1-64 characters");
    }
    return timeline.of(caller, PhoneNumberVisibility.of(user));
  }
}
