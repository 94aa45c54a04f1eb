package io.contactcenter.app.web;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Problem details in the caller's language (the signed-in user's, else Accept-Language): the title
 * by status ({@code problem.title.404}) and, for problem types whose meaning is one sentence, the
 * detail ({@code problem.detail.campaign-not-found}), which then names no internal id. Other
 * details are the domain's own words and stay as they are; the type never changes. A problem type
 * that covers several rules names the one that applied in a {@code reason} property; its detail is
 * then {@code problem.detail.<type>.<reason>}, filled with the problem's {@code arguments} list.
 */
@RestControllerAdvice
class ProblemLocalization implements ResponseBodyAdvice<Object> {

  private static final String TYPE_PREFIX = "urn:cc:problem:";

  private final MessageSource messages;

  ProblemLocalization(MessageSource messages) {
    this.messages = messages;
  }

  @Override
  public boolean supports(
      MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public Object beforeBodyWrite(
      Object body,
      MethodParameter returnType,
      MediaType contentType,
      Class<? extends HttpMessageConverter<?>> converterType,
      ServerHttpRequest request,
      ServerHttpResponse response) {
    if (body instanceof ProblemDetail problem) {
      localize(problem, LocaleContextHolder.getLocale());
    }
    return body;
  }

  void localize(ProblemDetail problem, Locale locale) {
    String title = messages.getMessage("problem.title." + problem.getStatus(), null, null, locale);
    if (title != null) {
      problem.setTitle(title);
    }
    URI type = problem.getType();
    if (type != null && type.toString().startsWith(TYPE_PREFIX)) {
      String name = type.toString().substring(TYPE_PREFIX.length());
      Object[] args = {count(problem.getProperties())};
      String detail = messages.getMessage("problem.detail." + name, args, null, locale);
      if (detail != null) {
        problem.setDetail(detail);
      }
      Map<String, Object> properties = problem.getProperties();
      if (properties != null && properties.get("reason") instanceof String reason) {
        Object[] values =
            properties.get("arguments") instanceof List<?> list ? list.toArray() : args;
        String specific =
            messages.getMessage("problem.detail." + name + "." + reason, values, null, locale);
        if (specific != null) {
          problem.setDetail(specific);
        }
      }
    }
  }

  /** How many problems the body lists (for "the script has {0} problem(s)"). */
  private static int count(Map<String, Object> properties) {
    return properties != null && properties.get("problems") instanceof Collection<?> all
        ? all.size()
        : 0;
  }
}
