package io.contactcenter.app.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.contactcenter.pbx.PbxUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Maps failures to RFC 9457 problem details with stable types. Client errors (4xx) are answered
 * without logging a stack trace: a bad request is the caller's business, not an incident.
 */
@RestControllerAdvice
class ProblemHandlers {

  private final DataSize maxFileSize;
  private final MessageSource messages;
  private final ProblemWording wording;

  ProblemHandlers(
      @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize,
      MessageSource messages) {
    this.maxFileSize = maxFileSize;
    this.messages = messages;
    this.wording = new ProblemWording(messages);
  }

  /** A message of the app's own in the caller's language (the domain's words stay its own). */
  private String text(String key, Object... args) {
    return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
  }

  @ExceptionHandler(BadParameterException.class)
  ProblemDetail badParameter(BadParameterException e) {
    return problem(HttpStatus.BAD_REQUEST, "invalid-request", text(e.key(), e.args()));
  }

  /** A query or path parameter of the wrong form (e.g. {@code page=abc}). */
  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail wrongParameter(MethodArgumentTypeMismatchException e) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "invalid-request",
        text("problem.parameter.wrong-form", e.getName()));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ProblemDetail missingParameter(MissingServletRequestParameterException e) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "invalid-request",
        text("problem.parameter.missing", e.getParameterName()));
  }

  /** Refused by the roles' rules inside an endpoint (e.g. full numbers in an export). */
  @ExceptionHandler(AccessDeniedException.class)
  ProblemDetail denied(AccessDeniedException e) {
    return problem(HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
  }

  @ExceptionHandler(RobotCallNotFoundException.class)
  ProblemDetail noRobotCall(RobotCallNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "robot-call-not-found", e.getMessage());
  }

  /** Bad input; a module's problem with a message key is worded in the caller's language. */
  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail invalid(IllegalArgumentException e) {
    return problem(HttpStatus.BAD_REQUEST, "invalid-request", wording.of(e));
  }

  @ExceptionHandler(io.contactcenter.asrtts.AudioTooLargeException.class)
  ProblemDetail tooLarge(io.contactcenter.asrtts.AudioTooLargeException e) {
    return problem(HttpStatus.PAYLOAD_TOO_LARGE, "audio-too-large", e.getMessage());
  }

  /**
   * An upload over {@code spring.servlet.multipart.max-file-size}: named for what was uploaded (a
   * recording to the speech API, a contact file elsewhere) with the configured limit, since the
   * servlet container often does not say which limit it applied.
   */
  @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
  ProblemDetail uploadTooLarge(
      org.springframework.web.multipart.MaxUploadSizeExceededException e,
      HttpServletRequest request) {
    long limit = e.getMaxUploadSize() > 0 ? e.getMaxUploadSize() : maxFileSize.toBytes();
    boolean audio = request.getRequestURI().startsWith("/api/v1/speech/");
    return problem(
        HttpStatus.PAYLOAD_TOO_LARGE,
        audio ? "audio-too-large" : "file-too-large",
        text(
            audio ? "problem.upload-too-large.audio" : "problem.upload-too-large.file",
            describe(limit)));
  }

  /** A multipart body that cannot be parsed (no boundary, cut off): the client's mistake. */
  @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
  ProblemDetail brokenUpload(org.springframework.web.multipart.MultipartException e) {
    return problem(HttpStatus.BAD_REQUEST, "malformed-upload", text("problem.body.multipart"));
  }

  @ExceptionHandler(NoAudioSynthesizedException.class)
  ProblemDetail noAudio(NoAudioSynthesizedException e) {
    return problem(HttpStatus.UNPROCESSABLE_ENTITY, "no-speech", e.getMessage());
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
        text("problem.body.missing-part", e.getRequestPartName()));
  }

  /**
   * A body that is not JSON of the expected shape. When a request record rejected a value (e.g. a
   * limit out of range) its message names the field; a value of the wrong type or an unknown enum
   * constant is named by its path.
   */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    String detail = text("problem.body.unreadable");
    if (e.getCause() instanceof ValueInstantiationException v
        && v.getCause() instanceof IllegalArgumentException rejected
        && rejected.getMessage() != null) {
      detail = wording.of(rejected);
    } else if (e.getCause() instanceof InvalidFormatException f && !f.getPath().isEmpty()) {
      detail =
          f.getTargetType() != null && f.getTargetType().isEnum()
              ? text(
                  "problem.body.wrong-form-enum",
                  path(f),
                  Arrays.stream(f.getTargetType().getEnumConstants())
                      .map(String::valueOf)
                      .collect(Collectors.joining(", ")))
              : text("problem.body.wrong-form", path(f));
    } else if (e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      detail = text("problem.body.wrong-type", path(m));
    }
    return problem(HttpStatus.BAD_REQUEST, "malformed-body", detail);
  }

  private static String path(JsonMappingException e) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!out.isEmpty()) {
          out.append('.');
        }
        out.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  private static String describe(long bytes) {
    if (bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MB";
    }
    return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
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
    problem.setProperty(
        "problems",
        wording.listed(
            e.problems(),
            io.contactcenter.outboundrobot.ScriptProblem::path,
            io.contactcenter.outboundrobot.ScriptProblem::code));
    return problem;
  }

  @ExceptionHandler(io.contactcenter.outboundrobot.CallRefusedException.class)
  ProblemDetail callRefused(io.contactcenter.outboundrobot.CallRefusedException e) {
    String detail =
        e.wording()
            .map(reason -> wording.of(reason, LocaleContextHolder.getLocale()))
            .orElse(e.getMessage());
    return problem(HttpStatus.UNPROCESSABLE_ENTITY, "call-refused", detail);
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

  // Tickets (issue 14)

  @ExceptionHandler(io.contactcenter.tickets.TicketNotFoundException.class)
  ProblemDetail noTicket(io.contactcenter.tickets.TicketNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "ticket-not-found", e.getMessage());
  }

  @ExceptionHandler(io.contactcenter.tickets.TicketStateConflictException.class)
  ProblemDetail ticketState(io.contactcenter.tickets.TicketStateConflictException e) {
    return problem(HttpStatus.CONFLICT, "ticket-state", wording.of(e));
  }

  /** A photo not kept: 415 not a photo, 413 too large, 422 the ticket's limit; why in "reason". */
  @ExceptionHandler(io.contactcenter.tickets.AttachmentRejectedException.class)
  ProblemDetail attachmentRejected(io.contactcenter.tickets.AttachmentRejectedException e) {
    ProblemDetail problem =
        switch (e.reason()) {
          case NOT_A_PHOTO ->
              problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "attachment-not-a-photo", e.getMessage());
          case TOO_LARGE ->
              problem(HttpStatus.PAYLOAD_TOO_LARGE, "attachment-too-large", e.getMessage());
          case TOO_MANY ->
              problem(HttpStatus.UNPROCESSABLE_ENTITY, "attachment-limit", e.getMessage());
        };
    problem.setProperty("reason", e.getMessage());
    return problem;
  }

  // --- ivr (hotline flows)
  @ExceptionHandler(io.contactcenter.ivr.FlowRejectedException.class)
  ProblemDetail flowRejected(io.contactcenter.ivr.FlowRejectedException e) {
    ProblemDetail problem =
        problem(
            HttpStatus.UNPROCESSABLE_ENTITY,
            "flow-rejected",
            "the flow has " + e.problems().size() + " problem(s); nothing was saved");
    problem.setProperty(
        "problems",
        wording.listed(
            e.problems(),
            io.contactcenter.ivr.FlowProblem::path,
            io.contactcenter.ivr.FlowProblem::code));
    return problem;
  }

  @ExceptionHandler(io.contactcenter.ivr.FlowNotFoundException.class)
  ProblemDetail noFlow(io.contactcenter.ivr.FlowNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "flow-not-found", e.getMessage());
  }

  // --- end ivr

  private static ProblemDetail problem(HttpStatus status, String type, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("urn:cc:problem:" + type));
    return problem;
  }
}
