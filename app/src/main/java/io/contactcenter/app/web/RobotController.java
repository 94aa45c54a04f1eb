package io.contactcenter.app.web;

import io.contactcenter.app.security.PhoneNumberVisibility;
import io.contactcenter.common.CampaignType;
import io.contactcenter.common.PhoneNumber;
import io.contactcenter.outboundrobot.CallNowRequest;
import io.contactcenter.outboundrobot.DialOutcome;
import io.contactcenter.outboundrobot.DialogueOutcome;
import io.contactcenter.outboundrobot.RobotAttempt;
import io.contactcenter.outboundrobot.RobotCallList;
import io.contactcenter.outboundrobot.RobotCallQuery;
import io.contactcenter.outboundrobot.RobotCalls;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

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

  @Operation(
      summary = "List robot calls: newest first, filtered, one page at a time",
      description =
          "campaign: a campaign's id; status: QUEUED, DIALING, IN_DIALOGUE or FINISHED; outcome:"
              + " a dialogue outcome code (agreed, refused, ...); dialOutcome: ANSWERED, NO_ANSWER,"
              + " BUSY, ...; from/to: ISO-8601 instants (from inclusive, to exclusive);"
              + " phoneSuffix: the number's last digits (roles that see numbers in full only);"
              + " page from 0; size 1 to 200 (limit: the same as size, for older clients)."
              + " Numbers are masked in the answer. The header X-Total-Count says how many match"
              + " on every page.")
  @GetMapping("/api/v1/robot/calls")
  ResponseEntity<List<RobotAttempt>> list(
      @RequestParam(required = false) String campaign,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String dialOutcome,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String phoneSuffix,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(required = false) Integer size,
      @RequestParam(required = false) Integer limit,
      Authentication user) {
    if (phoneSuffix != null
        && !phoneSuffix.isBlank()
        && PhoneNumberVisibility.of(user) != PhoneNumberVisibility.FULL) {
      // Digit by digit, a suffix search would reveal the numbers the answer masks.
      throw new AccessDeniedException("your roles may not search calls by phone number");
    }
    RobotCallList found =
        robot.search(
            new RobotCallQuery(
                campaign == null || campaign.isBlank() ? null : "campaign:" + campaign.strip(),
                QueryParameters.enumValue("status", status, RobotAttempt.Status.class),
                outcome == null || outcome.isBlank()
                    ? null
                    : DialogueOutcome.fromCode(outcome.strip().toLowerCase(Locale.ROOT)),
                QueryParameters.enumValue("dialOutcome", dialOutcome, DialOutcome.class),
                QueryParameters.instant("from", from),
                QueryParameters.instant("to", to),
                phoneSuffix,
                page,
                size != null ? size : limit != null ? limit : 50));
    return ResponseEntity.ok()
        .header(QueryParameters.TOTAL_COUNT, Long.toString(found.total()))
        .body(found.calls());
  }

  @GetMapping("/api/v1/robot/calls/{attemptId}")
  RobotAttempt one(@PathVariable String attemptId) {
    return robot.find(attemptId).orElseThrow(() -> new RobotCallNotFoundException(attemptId));
  }
}
