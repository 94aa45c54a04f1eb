package io.contactcenter.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.security.Principal;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a request: a signed-in user's choice (stored per user, so it follows them to
 * every browser), else the choice made on this browser before signing in, else the first offered
 * language of Accept-Language, else English.
 *
 * <p>A user's stored choice (or that they have none) is read once per session and kept in it. No
 * session is created for this: API clients with HTTP Basic have none and are looked up per request
 * (one primary-key read).
 */
class ShellLocaleResolver implements LocaleResolver {

  private static final String USER_CHOICE = ShellLocaleResolver.class.getName() + ".user";
  private static final String BROWSER_CHOICE = ShellLocaleResolver.class.getName() + ".browser";

  /** What a user chose; {@code language} is null while they have chosen nothing. */
  private record UserChoice(String username, Language language) implements Serializable {}

  private final UserLanguages languages;

  ShellLocaleResolver(UserLanguages languages) {
    this.languages = languages;
  }

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    return language(request).locale();
  }

  Language language(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object cached = session == null ? null : session.getAttribute(USER_CHOICE);
    Principal user = request.getUserPrincipal();
    if (user != null) {
      UserChoice choice =
          cached instanceof UserChoice c && c.username().equals(user.getName())
              ? c
              : new UserChoice(user.getName(), languages.of(user.getName()).orElse(null));
      if (session != null && choice != cached) {
        session.setAttribute(USER_CHOICE, choice);
      }
      if (choice.language() != null) {
        return choice.language();
      }
    } else if (cached instanceof UserChoice c && c.language() != null) {
      // A session belongs to one user (signing out ends it): a dispatch without a principal in
      // it (an error page) still speaks that user's language.
      return c.language();
    }
    Object browser = session == null ? null : session.getAttribute(BROWSER_CHOICE);
    if (browser instanceof Language chosenBeforeSignIn) {
      return chosenBeforeSignIn;
    }
    return Language.preferred(request.getLocales());
  }

  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    Language language = Optional.ofNullable(locale).flatMap(Language::of).orElse(Language.EN);
    Principal user = request.getUserPrincipal();
    if (user != null) {
      languages.choose(user.getName(), language);
      request.getSession().setAttribute(USER_CHOICE, new UserChoice(user.getName(), language));
    } else {
      request.getSession().setAttribute(BROWSER_CHOICE, language);
    }
  }
}
