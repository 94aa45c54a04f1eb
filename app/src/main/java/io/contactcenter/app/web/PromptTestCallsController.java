package io.contactcenter.app.web;

import io.contactcenter.app.security.Actor;
import io.contactcenter.app.security.AuditLog;
import io.contactcenter.campaigns.Campaign;
import io.contactcenter.campaigns.CampaignNotFoundException;
import io.contactcenter.campaigns.Campaigns;
import io.contactcenter.campaigns.DoNotCallList;
import io.contactcenter.common.InvalidPhoneNumberException;
import io.contactcenter.common.PhoneNumber;
import io.contactcenter.outboundrobot.CallRefusedException;
import io.contactcenter.outboundrobot.RobotAttempt;
import io.contactcenter.outboundrobot.RobotCalls;
import io.contactcenter.outboundrobot.ScriptNotFoundException;
import io.contactcenter.outboundrobot.ScriptRejectedException;
import io.contactcenter.outboundrobot.TestCallInFlightException;
import io.contactcenter.outboundrobot.TestCallRequest;
import io.contactcenter.pbx.PbxUnavailableException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The prompt editor's test call (ADR 0038; roles ADMIN and OPS): the robot rings a number the user
 * enters with a script version's prompts as edited, not yet saved, filled with a campaign's values.
 * The number is checked against the do-not-call list first. The call is not the campaign's: no
 * contact, counter, report or retry changes. Every request, placed or refused, is in the audit log
 * with the number masked.
 */
@RestController
@Tag(name = "scripts", description = "Versioned robot dialogue scripts")
class PromptTestCallsController {

  private static final Logger log = LoggerFactory.getLogger(PromptTestCallsController.class);

  private final RobotCalls robot;
  private final Campaigns campaigns;
  private final DoNotCallList doNotCall;
  private final AuditLog audit;
  private final MessageSource messages;

  PromptTestCallsController(
      RobotCalls robot,
      Campaigns campaigns,
      DoNotCallList doNotCall,
      AuditLog audit,
      MessageSource messages) {
    this.robot = robot;
    this.campaigns = campaigns;
    this.doNotCall = doNotCall;
    this.audit = audit;
    this.messages = messages;
  }

  /**
   * @param number the number to ring, in E.164 form ({@code +8613800138000})
   * @param campaignId the campaign whose values fill the prompts (values each contact brings are
   *     samples of their kind: a text is said as its name)
   * @param language the language to speak ({@code null}: the campaign's)
   * @param texts the edited texts, by prompt path then language, as the editor would save them;
   *     none: the version as saved
   */
  record TestCallBody(
      String number, String campaignId, String language, Map<String, Map<String, String>> texts) {}

  /** A field of the request is missing or malformed; the message is the detail's message key. */
  static final class InvalidFieldException extends RuntimeException {
    private final String field;

    InvalidFieldException(String field, String key) {
      super(key);
      this.field = field;
    }
  }

  /** The number is on the do-not-call list: nobody is rung. */
  static final class OnDoNotCallException extends RuntimeException {
    OnDoNotCallException(PhoneNumber number) {
      super(number.masked() + " is on the do-not-call list: nobody was called");
    }
  }

  @Operation(
      summary =
          "Ring a number with this version's prompts as edited (not saved) and a campaign's"
              + " values; 400 bad number, 422 do-not-call or texts refused, 429 a test call of"
              + " yours is still going")
  @PostMapping("/api/v1/scripts/{scriptId}/versions/{version}/test-calls")
  @ResponseStatus(HttpStatus.ACCEPTED)
  RobotAttempt testCall(
      @PathVariable String scriptId,
      @PathVariable int version,
      @RequestBody(required = false) TestCallBody body,
      Authentication user,
      HttpServletRequest request) {
    Actor actor = new Actor(user.getName(), request.getRemoteAddr());
    String about = "script " + scriptId + " v" + version;
    if (body == null || body.campaignId() == null || body.campaignId().isBlank()) {
      audit.testCall(actor, user.getName(), about + " refused: no campaign");
      throw new InvalidFieldException("campaignId", "problem.test-call.campaign-required");
    }
    String campaignId = body.campaignId().strip();
    about += " campaign " + campaignId;
    PhoneNumber number;
    try {
      number = PhoneNumber.parse(body.number());
    } catch (InvalidPhoneNumberException e) {
      // What was typed is not shown: it may hold a number in full.
      audit.testCall(actor, user.getName(), about + " refused: not a valid number");
      throw new InvalidFieldException("number", "number");
    }
    about = "to " + number.masked() + " " + about;
    Campaign campaign;
    try {
      campaign =
          campaigns.find(campaignId).orElseThrow(() -> new CampaignNotFoundException(campaignId));
    } catch (CampaignNotFoundException e) {
      audit.testCall(actor, user.getName(), about + " refused: no such campaign");
      throw e;
    }
    if (doNotCall.contains(number)) {
      audit.testCall(actor, user.getName(), about + " refused: do-not-call");
      throw new OnDoNotCallException(number);
    }
    int edited = body.texts() == null ? 0 : body.texts().size();
    RobotAttempt placed;
    try {
      placed =
          robot.testCall(
              new TestCallRequest(
                  number,
                  scriptId,
                  version,
                  body.language() == null || body.language().isBlank()
                      ? campaign.language()
                      : body.language().strip(),
                  campaign.variables(),
                  campaign.currency(),
                  body.texts(),
                  user.getName()));
    } catch (TestCallInFlightException e) {
      audit.testCall(actor, user.getName(), about + " refused: a test call is in flight");
      throw e;
    } catch (ScriptNotFoundException | ScriptRejectedException | CallRefusedException e) {
      audit.testCall(actor, user.getName(), about + " refused: " + refusal(e));
      throw e;
    } catch (PbxUnavailableException e) {
      audit.testCall(actor, user.getName(), about + " failed: PBX unavailable");
      throw e;
    }
    audit.testCall(
        actor, "robot:" + placed.attemptId(), about + " placed, " + edited + " prompt(s) edited");
    log.info(
        "user {} placed test call {} to {} ({})",
        user.getName(),
        placed.attemptId(),
        number,
        scriptId + " v" + version);
    return placed;
  }

  private static String refusal(RuntimeException e) {
    return switch (e) {
      case ScriptNotFoundException n -> "no such script version";
      case ScriptRejectedException r -> r.problems().size() + " problem(s) in the texts";
      default -> "the script cannot speak the values";
    };
  }

  // The details of invalid-number, do-not-call and test-call-in-flight are worded by type in the
  // reader's language (ProblemLocalization); the field names what to correct.

  @ExceptionHandler(InvalidFieldException.class)
  ProblemDetail invalidField(InvalidFieldException e) {
    ProblemDetail problem =
        e.field.equals("number")
            ? problem(HttpStatus.BAD_REQUEST, "invalid-number", "number is not a phone number")
            : problem(HttpStatus.BAD_REQUEST, "invalid-request", text(e.getMessage()));
    problem.setProperty("field", e.field);
    return problem;
  }

  @ExceptionHandler(OnDoNotCallException.class)
  ProblemDetail onDoNotCall(OnDoNotCallException e) {
    ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "do-not-call", e.getMessage());
    problem.setProperty("field", "number");
    return problem;
  }

  @ExceptionHandler(TestCallInFlightException.class)
  ProblemDetail inFlight(TestCallInFlightException e) {
    return problem(HttpStatus.TOO_MANY_REQUESTS, "test-call-in-flight", e.getMessage());
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
  }

  private static ProblemDetail problem(HttpStatus status, String type, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("urn:cc:problem:" + type));
    return problem;
  }
}
