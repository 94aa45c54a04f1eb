package io.contactcenter.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.TestingAuthenticationToken;

class ShellLocaleResolverTest {

  /** The users' stored choices, counting reads. */
  private static final class StoredLanguages extends UserLanguages {
    final Map<String, Language> stored = new HashMap<>();
    int reads;

    StoredLanguages() {
      super(null);
    }

    @Override
    Optional<Language> of(String username) {
      reads++;
      return Optional.ofNullable(stored.get(username));
    }

    @Override
    void choose(String username, Language language) {
      stored.put(username, language);
    }
  }

  private final StoredLanguages languages = new StoredLanguages();
  private final ShellLocaleResolver resolver = new ShellLocaleResolver(languages);
  private final MockHttpSession session = new MockHttpSession();

  @Test
  void beforeSignInAcceptLanguageDecidesUntilTheSwitchIsUsed() {
    assertThat(resolver.language(request(null, "zh-CN,en;q=0.5"))).isEqualTo(Language.ZH_CN);
    resolver.setLocale(request(null, "zh-CN"), new MockHttpServletResponse(), Locale.ENGLISH);
    assertThat(resolver.language(request(null, "zh-CN"))).isEqualTo(Language.EN);
  }

  @Test
  void aUsersStoredChoiceWinsOverTheBrowserAndIsReadOncePerSession() {
    languages.stored.put("ada", Language.ZH_CN);
    assertThat(resolver.language(request("ada", "en-US"))).isEqualTo(Language.ZH_CN);
    assertThat(resolver.language(request("ada", "en-US"))).isEqualTo(Language.ZH_CN);
    assertThat(languages.reads).isEqualTo(1);
    // The error page's dispatch carries no principal but is the same session.
    assertThat(resolver.language(request(null, "en-US"))).isEqualTo(Language.ZH_CN);
  }

  @Test
  void theSwitchStoresTheChoiceForTheUser() {
    resolver.setLocale(request("ada", "en-US"), new MockHttpServletResponse(), Locale.CHINA);
    assertThat(languages.stored).containsEntry("ada", Language.ZH_CN);
    assertThat(resolver.language(request("ada", "en-US"))).isEqualTo(Language.ZH_CN);
  }

  @Test
  void aUserWithoutAChoiceKeepsTheOneMadeBeforeSignInElseTheBrowsers() {
    resolver.setLocale(request(null, "en"), new MockHttpServletResponse(), Locale.CHINA);
    assertThat(resolver.language(request("bob", "en-US"))).isEqualTo(Language.ZH_CN);

    MockHttpServletRequest api = new MockHttpServletRequest();
    api.setUserPrincipal(new TestingAuthenticationToken("carol", "x"));
    api.addPreferredLocale(Locale.forLanguageTag("zh-TW"));
    assertThat(resolver.language(api)).isEqualTo(Language.ZH_CN);
    assertThat(api.getSession(false)).as("no session for an API call").isNull();
  }

  private MockHttpServletRequest request(String user, String acceptLanguage) {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setSession(session);
    if (user != null) {
      request.setUserPrincipal(new TestingAuthenticationToken(user, "x"));
    }
    String[] tags = acceptLanguage.replaceAll(";q=[0-9.]+", "").split(",");
    for (int i = tags.length - 1; i >= 0; i--) {
      request.addPreferredLocale(Locale.forLanguageTag(tags[i].trim()));
    }
    return request;
  }
}
