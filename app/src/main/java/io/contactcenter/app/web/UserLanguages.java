package io.contactcenter.app.web;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Each user's chosen language, in {@code app_user.language} (null until they choose). */
@Component
class UserLanguages {

  private final JdbcClient jdbc;

  UserLanguages(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Language> of(String username) {
    return jdbc.sql("SELECT language FROM app_user WHERE username = ?")
        .param(username)
        .query((rs, n) -> Optional.ofNullable(rs.getString(1)).map(Language::ofTag))
        .optional()
        .flatMap(l -> l);
  }

  void choose(String username, Language language) {
    jdbc.sql("UPDATE app_user SET language = ? WHERE username = ?")
        .params(language.tag(), username)
        .update();
  }
}
