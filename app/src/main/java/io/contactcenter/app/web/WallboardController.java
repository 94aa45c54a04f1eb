package io.contactcenter.app.web;

import io.contactcenter.app.security.PhoneNumberVisibility;
import io.contactcenter.routing.AgentStateChanged;
import io.contactcenter.routing.CallbackRequested;
import io.contactcenter.routing.ContactAbandoned;
import io.contactcenter.routing.ContactAccepted;
import io.contactcenter.routing.ContactCompleted;
import io.contactcenter.routing.ContactOffered;
import io.contactcenter.routing.ContactQueued;
import io.contactcenter.routing.ContactTransferred;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The supervisor's wallboard's API (roles SUPERVISOR and ADMIN, SecurityConfiguration): the board
 * as JSON and the same as server-sent events at every change; the page is {@link SupervisorPages}.
 *
 * <p>Routing's events on this instance push the board once their transaction committed (issue 12:
 * on screen within a second of the event); changes made on another instance, and the clock's, show
 * at the next tick of {@link LiveUpdates}.
 */
@RestController
class WallboardController {

  /** The wallboard streams' {@link LiveUpdates} topic. */
  static final String TOPIC = "wallboard";

  private final Wallboard wallboard;
  private final LiveUpdates live;

  WallboardController(Wallboard wallboard, LiveUpdates live) {
    this.wallboard = wallboard;
    this.live = live;
  }

  @Operation(summary = "Queues, agents and live calls now")
  @GetMapping("/api/v1/supervisor/wallboard")
  Wallboard.Board board(Authentication user) {
    return shown(wallboard.now(), PhoneNumberVisibility.of(user));
  }

  @Operation(summary = "The wallboard as server-sent events, at every change")
  @GetMapping(
      path = "/api/v1/supervisor/wallboard/stream",
      produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter stream(Authentication user) {
    PhoneNumberVisibility visibility = PhoneNumberVisibility.of(user);
    // The board's own time changes every read: compare without it, so only real changes are sent
    // (the page counts the seconds in state itself between pushes).
    return live.stream(() -> withoutClock(shown(wallboard.now(), visibility)), b -> false, TOPIC);
  }

  /**
   * Something the board shows changed in routing: the pages are pushed the new board once the
   * change is committed (read before, the board would not show it yet).
   */
  @EventListener({
    AgentStateChanged.class,
    CallbackRequested.class,
    ContactQueued.class,
    ContactOffered.class,
    ContactAccepted.class,
    ContactAbandoned.class,
    ContactCompleted.class,
    ContactTransferred.class
  })
  void routingChanged() {
    AfterCommit.run(this::push);
  }

  private void push() {
    wallboard.changed();
    live.nudge(TOPIC);
  }

  /** What changes on the board, without the moment it was read. */
  record Snapshot(
      java.util.List<Wallboard.QueueRow> queues,
      java.util.List<Wallboard.AgentRow> agents,
      java.util.List<Wallboard.LiveCall> calls) {}

  private static Snapshot withoutClock(Wallboard.Board board) {
    return new Snapshot(
        board.queues().stream()
            .map(
                q ->
                    new Wallboard.QueueRow(
                        q.queue(),
                        q.waiting(),
                        q.oldestWaiting(),
                        null,
                        q.thresholdSeconds(),
                        q.serviceLevel(),
                        q.serviceLevel2(),
                        q.answered(),
                        q.abandoned()))
            .toList(),
        board.agents().stream()
            .map(a -> new Wallboard.AgentRow(a.agentId(), a.state(), a.reason(), a.since(), null))
            .toList(),
        board.calls().stream()
            .map(
                c ->
                    new Wallboard.LiveCall(
                        c.contactId(), c.agentId(), c.queue(), c.customer(), c.answeredAt(), null))
            .toList());
  }

  private static Wallboard.Board shown(Wallboard.Board board, PhoneNumberVisibility visibility) {
    if (visibility == PhoneNumberVisibility.FULL) {
      return board;
    }
    return new Wallboard.Board(
        board.at(),
        board.queues(),
        board.agents(),
        board.calls().stream()
            .map(
                c ->
                    new Wallboard.LiveCall(
                        c.contactId(),
                        c.agentId(),
                        c.queue(),
                        visibility.show(c.customer()),
                        c.answeredAt(),
                        c.seconds()))
            .toList());
  }
}
