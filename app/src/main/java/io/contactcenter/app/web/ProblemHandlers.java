package io.contactcenter.app.web;

import io.contactcenter.pbx.PbxUnavailableException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps failures to RFC 9457 problem details with stable types. */
@RestControllerAdvice
class ProblemHandlers {

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail invalid(IllegalArgumentException e) {
    return problem(HttpStatus.BAD_REQUEST, "invalid-request", e.getMessage());
  }

  @ExceptionHandler(io.contactcenter.asrtts.AudioTooLargeException.class)
  ProblemDetail tooLarge(io.contactcenter.asrtts.AudioTooLargeException e) {
    return problem(HttpStatus.PAYLOAD_TOO_LARGE, "audio-too-large", e.getMessage());
  }

  @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
  ProblemDetail uploadTooLarge(org.springframework.web.multipart.MaxUploadSizeExceededException e) {
    return problem(
        HttpStatus.PAYLOAD_TOO_LARGE,
        "audio-too-large",
        "the upload exceeds " + e.getMaxUploadSize() + " bytes");
  }

  @ExceptionHandler(io.contactcenter.asrtts.UnsupportedAudioException.class)
  ProblemDetail unsupportedAudio(io.contactcenter.asrtts.UnsupportedAudioException e) {
    return problem(HttpStatus.BAD_REQUEST, "unsupported-audio", e.getMessage());
  }

  @ExceptionHandler(io.contactcenter.asrtts.UnsupportedLanguageException.class)
  ProblemDetail unsupportedLanguage(io.contactcenter.asrtts.UnsupportedLanguageException e) {
    return problem(HttpStatus.BAD_REQUEST, "unsupported-language", e.getMessage());
  }

  @ExceptionHandler(
      org.springframework.web.multipart.support.MissingServletRequestPartException.class)
  ProblemDetail missingPart(
      org.springframework.web.multipart.support.MissingServletRequestPartException e) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "invalid-request",
        "missing multipart part '" + e.getRequestPartName() + "'");
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "malformed-body",
        "request body is not valid JSON of the expected shape");
  }

  @ExceptionHandler(PbxUnavailableException.class)
  ProblemDetail pbxDown(PbxUnavailableException e) {
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "pbx-unavailable", e.getMessage());
  }

  @ExceptionHandler(io.contactcenter.outboundrobot.ScriptRejectedException.class)
  ProblemDetail scriptRejected(io.contactcenter.outboundrobot.ScriptRejectedException e) {
    ProblemDetail problem =
        problem(
            HttpStatus.UNPROCESSABLE_ENTITY,
            "script-rejected",
            "the script has " + e.problems().size() + " problem(s); nothing was saved");
    problem.setProperty("problems", e.problems());
    return problem;
  }

  @ExceptionHandler(io.contactcenter.outboundrobot.CallRefusedException.class)
  ProblemDetail callRefused(io.contactcenter.outboundrobot.CallRefusedException e) {
    return problem(HttpStatus.UNPROCESSABLE_ENTITY, "call-refused", e.getMessage());
  }

  @ExceptionHandler(io.contactcenter.outboundrobot.ScriptNotFoundException.class)
  ProblemDetail noScript(io.contactcenter.outboundrobot.ScriptNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "script-not-found", e.getMessage());
  }

  @ExceptionHandler(io.contactcenter.campaigns.CampaignNotFoundException.class)
  ProblemDetail noCampaign(io.contactcenter.campaigns.CampaignNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "campaign-not-found", e.getMessage());
  }

  @ExceptionHandler(io.contactcenter.campaigns.CampaignStateConflictException.class)
  ProblemDetail campaignState(io.contactcenter.campaigns.CampaignStateConflictException e) {
    return problem(HttpStatus.CONFLICT, "campaign-state", e.getMessage());
  }

  @ExceptionHandler(io.contactcenter.campaigns.CampaignRejectedException.class)
  ProblemDetail campaignRejected(io.contactcenter.campaigns.CampaignRejectedException e) {
    ProblemDetail problem =
        problem(HttpStatus.UNPROCESSABLE_ENTITY, "campaign-rejected", e.getMessage());
    problem.setProperty("problems", e.problems());
    return problem;
  }

  private static ProblemDetail problem(HttpStatus status, String type, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("urn:cc:problem:" + type));
    return problem;
  }
}
