package io.contactcenter.app.web;

import io.contactcenter.campaigns.CampaignNotFoundException;
import io.contactcenter.campaigns.CampaignProgress;
import io.contactcenter.campaigns.CampaignState;
import io.contactcenter.campaigns.Campaigns;
import io.contactcenter.outboundrobot.RobotAttempt;
import io.contactcenter.outboundrobot.RobotCalls;
import io.swagger.v3.oas.annotations.Operation;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events for the live pages: each event's data is the same JSON as the matching GET,
 * sent when it changes; an {@code end} event says nothing will change any more.
 */
@RestController
class LiveController {

  private static final Set<CampaignState> FINAL =
      EnumSet.of(CampaignState.COMPLETED, CampaignState.STOPPED);

  private final Campaigns campaigns;
  private final RobotCalls robot;
  private final LiveUpdates live;

  LiveController(Campaigns campaigns, RobotCalls robot, LiveUpdates live) {
    this.campaigns = campaigns;
    this.robot = robot;
    this.live = live;
  }

  @Operation(summary = "A campaign's progress as server-sent events, at every change")
  @GetMapping(
      path = "/api/v1/campaigns/{id}/progress/stream",
      produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter progress(@PathVariable String id) {
    if (campaigns.find(id).isEmpty()) {
      throw new CampaignNotFoundException(id);
    }
    return live.stream(
        () -> campaigns.progress(id),
        // A finished campaign has nothing left to change once its last call is in.
        (CampaignProgress p) -> FINAL.contains(p.state()) && p.calling() == 0);
  }

  @Operation(summary = "A robot call as server-sent events while it runs, ending when it is over")
  @GetMapping(
      path = "/api/v1/robot/calls/{attemptId}/stream",
      produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter call(@PathVariable String attemptId) {
    if (robot.find(attemptId).isEmpty()) {
      throw notFound(attemptId);
    }
    return live.stream(
        () -> robot.find(attemptId).orElseThrow(() -> notFound(attemptId)),
        (RobotAttempt a) -> a.status() == RobotAttempt.Status.FINISHED);
  }

  private static ResponseStatusException notFound(String attemptId) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "no robot call " + attemptId);
  }
}
