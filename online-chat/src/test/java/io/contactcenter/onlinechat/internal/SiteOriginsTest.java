package io.contactcenter.onlinechat.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SiteOriginsTest {

  private final SiteOrigins origins =
      new SiteOrigins(
          Map.of(
              "shop",
              new ChatProperties.Site(
                  List.of("https://shop.example", "http://localhost:*"), "", Map.of())));

  @Test
  void onlyTheSitesOriginsMayOpenChats() {
    assertThat(origins.allowed("shop", "https://shop.example")).isTrue();
    assertThat(origins.allowed("shop", "http://localhost:8081")).isTrue();
    assertThat(origins.allowed("shop", null)).as("no Origin: not a browser page").isTrue();
    assertThat(origins.allowed("shop", "https://evil.example")).isFalse();
    assertThat(origins.allowed("shop", "http://localhost:80.evil.example")).isFalse();
    assertThat(origins.allowed("shop", "https://shop.example.evil.example")).isFalse();
    assertThat(origins.allowed("nope", "https://shop.example")).isFalse();
    assertThatThrownBy(() -> origins.check("shop", "https://evil.example"))
        .hasMessageContaining("origin https://evil.example may not open chats for site shop");
    assertThatThrownBy(() -> origins.check("nope", null)).hasMessageContaining("no site \"nope\"");
  }
}
