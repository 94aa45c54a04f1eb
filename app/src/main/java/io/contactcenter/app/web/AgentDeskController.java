package io.contactcenter.app.web;

import io.contactcenter.routing.AgentDesk;
import io.contactcenter.routing.AgentStatus;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.WrapUp;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The agent's own desk (role AGENT): the signed-in user is the agent. Every call answers with the
 * agent's state, offers and open contacts; {@code /events} pushes the same whenever it changes.
 */
@RestController
class AgentDeskController {

  private final AgentDesk desk;
  private final LiveUpdates live;

  AgentDeskController(AgentDesk desk, LiveUpdates live) {
    this.desk = desk;
    this.live = live;
  }

  /**
   * @param state {@code READY} or {@code NOT_READY}
   * @param reason why not ready (break, training, ...), at most 100 characters
   */
  record StateBody(String state, String reason) {}

  record WrapUpBody(String disposition, String notes) {}

  @PostMapping("/api/v1/agent/login")
  AgentStatus logIn(Authentication user) {
    return desk.logIn(user.getName());
  }

  @PostMapping("/api/v1/agent/logout")
  AgentStatus logOut(Authentication user) {
    return desk.logOut(user.getName());
  }

  @GetMapping("/api/v1/agent/status")
  AgentStatus status(Authentication user) {
    return desk.status(user.getName());
  }

  @PutMapping("/api/v1/agent/state")
  AgentStatus state(@RequestBody StateBody body, Authentication user) {
    String state = body == null || body.state() == null ? "" : body.state();
    return switch (state) {
      case "READY" -> desk.ready(user.getName());
      case "NOT_READY" -> desk.notReady(user.getName(), body.reason());
      default ->
          throw new IllegalArgumentException(
              "state must be READY or NOT_READY, not '" + state + "'");
    };
  }

  @PostMapping("/api/v1/agent/offers/{contactId}/accept")
  AgentStatus accept(@PathVariable String contactId, Authentication user) {
    return desk.accept(user.getName(), ContactId.of(contactId));
  }

  @PostMapping("/api/v1/agent/offers/{contactId}/reject")
  AgentStatus reject(@PathVariable String contactId, Authentication user) {
    return desk.reject(user.getName(), ContactId.of(contactId));
  }

  @PostMapping("/api/v1/agent/contacts/{contactId}/complete")
  AgentStatus complete(@PathVariable String contactId, Authentication user) {
    return desk.complete(user.getName(), ContactId.of(contactId));
  }

  @PostMapping("/api/v1/agent/contacts/{contactId}/wrap-up")
  AgentStatus wrapUp(
      @PathVariable String contactId, @RequestBody WrapUpBody body, Authentication user) {
    if (body == null) {
      throw new IllegalArgumentException("a wrap-up needs a disposition");
    }
    return desk.wrapUp(
        user.getName(), ContactId.of(contactId), new WrapUp(body.disposition(), body.notes()));
  }

  /** Server-sent events: the agent's status now and at every change (offers ringing, state). */
  @GetMapping(path = "/api/v1/agent/events", produces = "text/event-stream")
  SseEmitter events(Authentication user) {
    String agent = user.getName();
    desk.status(agent); // 404 now for a user without an agent profile, not a broken stream
    return live.stream(() -> desk.status(agent), s -> false);
  }
}
