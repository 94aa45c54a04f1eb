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
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps failures to RFC 9457 problem details with stable types. Client errors (4xx) are answered
 * without logging a stack trace: a bad request is the caller's business, not an incident.
 */
@RestControllerAdvice
class ProblemHandlers {

  private final DataSize maxFileSize;

  ProblemHandlers(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
    this.maxFileSize = maxFileSize;
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail invalid(IllegalArgumentException e) {
    return problem(HttpStatus.BAD_REQUEST, "invalid-request", e.getMessage());
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
        (audio ? "the recording" : "the file") + " exceeds the upload limit of " + describe(limit));
  }

  /** A multipart body that cannot be parsed (no boundary, cut off): the client's mistake. */
  @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
  ProblemDetail brokenUpload(org.springframework.web.multipart.MultipartException e) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "malformed-upload",
        "the upload is not a readable multipart/form-data body");
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
        "missing multipart part '" + e.getRequestPartName() + "'");
  }

  /**
   * A body that is not JSON of the expected shape. When a request record rejected a value (e.g. a
   * limit out of range) its message names the field; a value of the wrong type or an unknown enum
   * constant is named by its path.
   */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    String detail = "request body is not valid JSON of the expected shape";
    if (e.getCause() instanceof ValueInstantiationException v
        && v.getCause() instanceof IllegalArgumentException rejected
        && rejected.getMessage() != null) {
      detail = rejected.getMessage();
    } else if (e.getCause() instanceof InvalidFormatException f && !f.getPath().isEmpty()) {
      detail = "'" + path(f) + "' has a value of the wrong form";
      if (f.getTargetType() != null && f.getTargetType().isEnum()) {
        detail +=
            "; expected one of "
                + Arrays.stream(f.getTargetType().getEnumConstants())
                    .map(String::valueOf)
                    .collect(Collectors.joining(", "));
      }
    } else if (e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      detail = "'" + path(m) + "' has a value of the wrong type";
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
