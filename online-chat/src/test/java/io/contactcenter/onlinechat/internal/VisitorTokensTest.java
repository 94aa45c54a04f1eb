package io.contactcenter.onlinechat.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class VisitorTokensTest {

  private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");
  private final VisitorTokens tokens =
      new VisitorTokens("server-key", new ObjectMapper(), Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void aVisitorTokenVerifiesOnlyUnchanged() {
    String token = tokens.sign("3f2a-visitor");
    assertThat(tokens.verify(token)).contains("3f2a-visitor");
    assertThat(tokens.verify(token.replace("3f2a", "3f2b"))).isEmpty();
    assertThat(tokens.verify("v1.someone.AAAA")).isEmpty();
    assertThat(tokens.verify(null)).isEmpty();
    assertThat(tokens.verify("garbage")).isEmpty();
    VisitorTokens otherServer =
        new VisitorTokens("another-key", new ObjectMapper(), Clock.fixed(NOW, ZoneOffset.UTC));
    assertThat(otherServer.verify(token)).isEmpty();
  }

  @Test
  void aShopTokenNamesTheCustomer() {
    String token =
        VisitorTokens.shopToken(
            "{\"sub\":\"c-1\",\"name\":\"李雷\",\"phone\":\"+8613800138000\",\"tier\":\"gold\","
                + "\"exp\":"
                + (NOW.getEpochSecond() + 60)
                + "}",
            "shop-key");
    Conversation.Customer customer = tokens.customer(token, "shop-key");
    assertThat(customer)
        .isEqualTo(new Conversation.Customer("c-1", "李雷", "+8613800138000", "gold"));
  }

  @Test
  void forgedExpiredOrMalformedShopTokensAreRefusedSayingWhy() {
    String payload = "{\"sub\":\"c-1\",\"exp\":" + (NOW.getEpochSecond() + 60) + "}";
    assertThatThrownBy(() -> tokens.customer(VisitorTokens.shopToken(payload, "wrong"), "shop-key"))
        .isInstanceOf(ForgedIdentityException.class)
        .hasMessageContaining("signature is wrong");
    String expired = "{\"sub\":\"c-1\",\"exp\":" + (NOW.getEpochSecond() - 1) + "}";
    assertThatThrownBy(
            () -> tokens.customer(VisitorTokens.shopToken(expired, "shop-key"), "shop-key"))
        .hasMessageContaining("expired");
    assertThatThrownBy(() -> tokens.customer("abc", "shop-key"))
        .hasMessageContaining("payload.signature");
    assertThatThrownBy(
            () -> tokens.customer(VisitorTokens.shopToken("{\"exp\":1}", "shop-key"), "shop-key"))
        .hasMessageContaining("lacks sub");
    assertThatThrownBy(() -> tokens.customer(VisitorTokens.shopToken(payload, "k"), ""))
        .hasMessageContaining("accepts no identity tokens");
  }
}
