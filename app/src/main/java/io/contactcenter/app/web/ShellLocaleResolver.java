package io.contactcenter.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a request: a signed-in user's choice (stored per user, so it follows them to
 * every browser), else the choice made on this browser before signing in, else the first offered
 * language of Accept-Language, else English. A user's stored choice is read once per session and
 * kept in the session, tagged with the user it belongs to.
 */
class ShellLocaleResolver implements LocaleResolver {

  private static final String SESSION_ATTRIBUTE = ShellLocaleResolver.class.getName();

  /** A language chosen in this session; {@code username} is null for a choice before sign-in. */
  private record Chosen(String username, Language language) {}

  private final UserLanguages languages;

  ShellLocaleResolver(UserLanguages languages) {
    this.languages = languages;
  }

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    return language(request).locale();
  }

  Language language(HttpServletRequest request) {
    String username =
        Optional.ofNullable(request.getUserPrincipal()).map(Principal::getName).orElse(null);
    Optional<Chosen> chosen = chosen(request);
    // A session belongs to one user (signing out ends it); a request that carries no principal
    // in a user's session (an error page's dispatch) still speaks that user's language.
    if (chosen.isPresent()
        && (username == null || Objects.equals(chosen.get().username(), username))) {
      return chosen.get().language();
    }
    if (username != null) {
      Optional<Language> stored = languages.of(username);
      if (stored.isPresent()) {
        request.getSession().setAttribute(SESSION_ATTRIBUTE, new Chosen(username, stored.get()));
        return stored.get();
      }
      // Chosen on the sign-in page of this browser, not yet stored for the user.
      if (chosen.isPresent() && chosen.get().username() == null) {
        return chosen.get().language();
      }
    }
    return Language.preferred(request.getLocales());
  }

  private static Optional<Chosen> chosen(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof Chosen c
        ? Optional.of(c)
        : Optional.empty();
  }

  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    Language language = Language.of(locale == null ? Locale.ENGLISH : locale).orElse(Language.EN);
    Principal user = request.getUserPrincipal();
    if (user != null) {
      languages.choose(user.getName(), language);
    }
    request
        .getSession()
        .setAttribute(
            SESSION_ATTRIBUTE, new Chosen(user == null ? null : user.getName(), language));
  }
}
