package io.contactcenter.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The account pages speak English and Chinese: every text exists in both bundles. */
class AccountsMessagesTest {

  @Test
  void everyKeyHasAnEnglishAndAChineseText() throws IOException {
    Properties en = load("/i18n/accounts.properties");
    Properties zh = load("/i18n/accounts_zh_CN.properties");

    assertThat(zh.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    for (String key : en.stringPropertyNames()) {
      assertThat(en.getProperty(key)).as(key).isNotBlank();
      assertThat(zh.getProperty(key)).as(key).isNotBlank();
    }
    assertThat(zh.getProperty("accounts.users.title")).isEqualTo("用户管理");
  }

  private static Properties load(String resource) throws IOException {
    Properties p = new Properties();
    try (var in = AccountsMessagesTest.class.getResourceAsStream(resource)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
