package io.contactcenter.app.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout (templates/layout.html) needs on every page, error pages included: the signed-in
 * user, their navigation, the language and its script messages.
 */
@ControllerAdvice(assignableTypes = {PageController.class, ErrorController.class})
class ShellAdvice {

  /**
   * The shell around a page.
   *
   * @param username null before sign-in
   * @param returnTo the page to come back to after switching the language
   */
  record Shell(
      String username,
      List<Navigation.Group> navigation,
      Language language,
      List<Language> languages,
      String messages,
      String returnTo) {}

  private final Navigation navigation;
  private final ShellLocaleResolver locales;
  private final ClientMessages clientMessages;

  ShellAdvice(Navigation navigation, ShellLocaleResolver locales, ClientMessages clientMessages) {
    this.navigation = navigation;
    this.locales = locales;
    this.clientMessages = clientMessages;
  }

  @ModelAttribute("shell")
  Shell shell(HttpServletRequest request) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    boolean signedIn =
        auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    // On an error page the request is the error dispatch; the page that failed is the original.
    Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String uri = failed instanceof String s ? s : request.getRequestURI();
    Language language = locales.language(request);
    return new Shell(
        signedIn ? auth.getName() : null,
        signedIn ? navigation.groups(auth, uri) : List.of(),
        language,
        List.of(Language.values()),
        clientMessages.json(language.locale()),
        uri);
  }
}
