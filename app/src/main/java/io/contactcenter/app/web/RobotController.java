package io.contactcenter.app.web;

import io.contactcenter.common.CampaignType;
import io.contactcenter.common.PhoneNumber;
import io.contactcenter.outboundrobot.CallNowRequest;
import io.contactcenter.outboundrobot.RobotAttempt;
import io.contactcenter.outboundrobot.RobotCalls;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
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

/** Robot calls: "call this number now with this script", and their results. */
@RestController
@Tag(name = "robot", description = "Outbound voice robot calls")
class RobotController {

  private final RobotCalls robot;

  RobotController(RobotCalls robot) {
    this.robot = robot;
  }

  /**
   * @param phone E.164 number
   * @param campaignType balance, delay or reactivate: whose default script runs
   * @param language en or zh (default: the script's)
   * @param variables the script's variables, e.g. merchant, customer_name, amount_due
   */
  record CallNowBody(
      String phone, String campaignType, String language, Map<String, String> variables) {}

  @Operation(summary = "Call a number now with a campaign's script (to try it on your phone)")
  @PostMapping("/api/v1/robot/calls")
  @ResponseStatus(HttpStatus.ACCEPTED)
  RobotAttempt callNow(@RequestBody CallNowBody body, Authentication user) {
    if (body == null || body.campaignType() == null) {
      throw new IllegalArgumentException("campaignType is required: balance, delay or reactivate");
    }
    return robot.callNow(
        new CallNowRequest(
            PhoneNumber.parse(body.phone()),
            CampaignType.fromCode(body.campaignType()),
            body.language(),
            body.variables(),
            user.getName()));
  }

  @GetMapping("/api/v1/robot/calls")
  List<RobotAttempt> recent(@RequestParam(defaultValue = "50") int limit) {
    return robot.recent(limit);
  }

  @GetMapping("/api/v1/robot/calls/{attemptId}")
  RobotAttempt one(@PathVariable String attemptId) {
    return robot
        .find(attemptId)
        .orElseThrow(
            () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no robot call " + attemptId));
  }
}
