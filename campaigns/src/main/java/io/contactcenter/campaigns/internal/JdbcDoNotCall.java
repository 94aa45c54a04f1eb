package io.contactcenter.campaigns.internal;

import io.contactcenter.common.PhoneNumber;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The do-not-call list and re-activation consents (tables {@code do_not_call}, {@code
 * call_consent}).
 */
final class JdbcDoNotCall {

  private final JdbcClient jdbc;

  JdbcDoNotCall(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  boolean addDoNotCall(PhoneNumber phone, String source) {
    return jdbc.sql("INSERT INTO do_not_call (phone, source) VALUES (?, ?) ON CONFLICT DO NOTHING")
            .params(phone.e164(), source)
            .update()
        == 1;
  }

  boolean onDoNotCall(PhoneNumber phone) {
    return jdbc.sql("SELECT count(*) FROM do_not_call WHERE phone = ?")
            .param(phone.e164())
            .query(Long.class)
            .single()
        > 0;
  }

  void addConsent(PhoneNumber phone, String source) {
    jdbc.sql("INSERT INTO call_consent (phone, source) VALUES (?, ?) ON CONFLICT DO NOTHING")
        .params(phone.e164(), source)
        .update();
  }

  boolean hasConsent(PhoneNumber phone) {
    return jdbc.sql("SELECT count(*) FROM call_consent WHERE phone = ?")
            .param(phone.e164())
            .query(Long.class)
            .single()
        > 0;
  }
}
