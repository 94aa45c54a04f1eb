package io.contactcenter.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * What the layout (templates/layout.html) needs on every page, error pages included: the signed-in
 * user, their navigation, the language and its script messages.
 */
@ControllerAdvice(
    assignableTypes = {
      PageController.class,
      AccountPages.class,
      ErrorController.class,
      TicketPages.class,
      SupervisorPages.class,
      SettingsController.class
    })
class ShellAdvice {

  /**
   * The shell around a page.
   *
   * @param username null before sign-in
   * @param roles the user's role names (ADMIN, OPS, ...), shown translated
   * @param returnTo the page to come back to after switching the language
   */
  record Shell(
      String username,
      List<String> roles,
      List<Navigation.Group> navigation,
      Language language,
      List<Language> languages,
      String messages,
      String returnTo) {}

  private final Navigation navigation;
  private final ClientMessages clientMessages;

  // Built here rather than injected so that MVC slice tests, which load controller advice but not
  // components, still start.
  ShellAdvice(
      ObjectProvider<WebInvocationPrivilegeEvaluator> access,
      MessageSource messages,
      ObjectMapper json) {
    this.navigation = new Navigation(access);
    this.clientMessages = new ClientMessages(messages, json);
  }

  @ModelAttribute("shell")
  Shell shell(HttpServletRequest request) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    boolean signedIn =
        auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    // On an error page the request is the error dispatch; the page that failed is the original.
    Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String uri = failed instanceof String s ? s : request.getRequestURI();
    // The LocaleResolver (ShellLocaleResolver) has decided the request's language already.
    Language language = Language.of(RequestContextUtils.getLocale(request)).orElse(Language.EN);
    return new Shell(
        signedIn ? auth.getName() : null,
        signedIn ? Navigation.roles(auth).stream().map(Enum::name).toList() : List.of(),
        signedIn ? navigation.groups(auth, uri) : List.of(),
        language,
        List.of(Language.values()),
        clientMessages.json(language.locale()),
        uri);
  }
}
