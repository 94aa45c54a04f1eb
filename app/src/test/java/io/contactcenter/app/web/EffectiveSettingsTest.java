package io.contactcenter.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class EffectiveSettingsTest {

  @ConfigurationProperties("cc.demo")
  record Demo(
      String adminPassword,
      String databaseUrl,
      @DefaultValue("10m") Duration maxCallDuration,
      @DefaultValue("1500ms") Duration tick,
      Map<String, Site> sites) {

    record Site(String identityKey, List<String> allowedOrigins) {}
  }

  @Configuration
  @EnableConfigurationProperties(Demo.class)
  static class Config {}

  @Test
  void showsEffectiveValuesAndDefaultsButNoSecret() {
    new ApplicationContextRunner()
        .withUserConfiguration(Config.class)
        .withPropertyValues(
            "cc.demo.admin-password=hunter2-secret",
            "cc.demo.database-url=postgresql://cc:pa55word@db.local:5432/cc",
            "cc.demo.sites.shop.identity-key=shop-signing-key",
            "cc.demo.sites.shop.allowed-origins=https://shop.example,https://m.shop.example")
        .run(
            context -> {
              List<EffectiveSettings.Group> groups = new EffectiveSettings(context).groups();
              assertThat(groups).extracting(EffectiveSettings.Group::prefix).contains("cc.demo");
              Map<String, String> values =
                  groups.stream()
                      .filter(g -> g.prefix().equals("cc.demo"))
                      .flatMap(g -> g.settings().stream())
                      .collect(
                          java.util.stream.Collectors.toMap(
                              EffectiveSettings.Setting::key, EffectiveSettings.Setting::value));
              assertThat(values)
                  .containsEntry("cc.demo.max-call-duration", "10m")
                  .containsEntry("cc.demo.tick", "1s500ms")
                  .containsEntry("cc.demo.admin-password", EffectiveSettings.HIDDEN)
                  .containsEntry("cc.demo.sites.shop.identity-key", EffectiveSettings.HIDDEN)
                  .containsEntry(
                      "cc.demo.sites.shop.allowed-origins",
                      "https://shop.example, https://m.shop.example");
              assertThat(values.get("cc.demo.database-url"))
                  .isEqualTo("postgresql://" + EffectiveSettings.HIDDEN + "@db.local:5432/cc");
              assertThat(values.values())
                  .noneMatch(
                      v -> v.contains("hunter2") || v.contains("pa55") || v.contains("signing"));
            });
  }
}
