package io.contactcenter.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The language switch in the header (and on the sign-in page). */
@Controller
class LanguageController {

  private final ShellLocaleResolver locales;

  LanguageController(ShellLocaleResolver locales) {
    this.locales = locales;
  }

  /**
   * Remembers the language (for the user when signed in, else for this browser) and goes back.
   *
   * @param lang en or zh-CN; anything else is a 400 naming the languages offered
   * @param returnTo a path of this site; anything else goes home
   */
  @PostMapping("/language")
  String choose(
      @RequestParam String lang,
      @RequestParam(required = false) String returnTo,
      HttpServletRequest request,
      HttpServletResponse response) {
    locales.setLocale(request, response, Language.ofTag(lang).locale());
    return "redirect:" + (isLocalPath(returnTo) ? returnTo : "/");
  }

  /** Only a path on this site, so the switch cannot be used to send people elsewhere. */
  static boolean isLocalPath(String path) {
    return path != null
        && path.startsWith("/")
        && !path.startsWith("//")
        && !path.startsWith("/\\")
        && !path.startsWith("/error")
        && path.chars().noneMatch(c -> c < 0x20);
  }
}
