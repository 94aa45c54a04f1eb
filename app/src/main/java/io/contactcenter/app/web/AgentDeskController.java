package io.contactcenter.app.web;

import io.contactcenter.routing.AgentDesk;
import io.contactcenter.routing.AgentStateChanged;
import io.contactcenter.routing.AgentStatus;
import io.contactcenter.routing.AgentStoppedTakingContacts;
import io.contactcenter.routing.ContactAccepted;
import io.contactcenter.routing.ContactCompleted;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.ContactOffered;
import io.contactcenter.routing.ContactTransferred;
import io.contactcenter.routing.WrapUp;
import org.springframework.context.event.EventListener;
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
 *
 * <p>Routing's events about an agent on this instance (the routing leader's) push that agent's
 * stream once they commit, so an offer reaches the page in tens of milliseconds and the screen pop
 * starts at once (issue 12). What changes without such an event here (an offer withdrawn because
 * the caller hung up, a change made on another instance) shows at the next tick of {@link
 * LiveUpdates}, within a second.
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
    return live.stream(() -> desk.status(agent), s -> false, topic(agent));
  }

  /** The {@link LiveUpdates} topic of one agent's status streams. */
  static String topic(String agentId) {
    return "agent:" + agentId;
  }

  /** Something an agent's status shows changed: their streams are pushed once it committed. */
  @EventListener({
    ContactOffered.class,
    ContactAccepted.class,
    ContactCompleted.class,
    ContactTransferred.class,
    AgentStateChanged.class,
    AgentStoppedTakingContacts.class
  })
  void agentChanged(Object event) {
    switch (event) {
      case ContactOffered e -> push(e.agentId());
      case ContactAccepted e -> push(e.agentId());
      case ContactCompleted e -> push(e.agentId());
      case ContactTransferred e -> {
        push(e.agentId());
        push(e.toAgent());
      }
      case AgentStateChanged e -> push(e.agentId());
      case AgentStoppedTakingContacts e -> push(e.agentId());
      default -> {}
    }
  }

  private void push(String agentId) {
    if (agentId != null) {
      AfterCommit.run(() -> live.nudge(topic(agentId)));
    }
  }
}
