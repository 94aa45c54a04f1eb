package io.contactcenter.tickets.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookRulesTest {

  @Test
  void theSignatureIsTheHmacOfTimestampAndBody() {
    // The value as computed independently: printf %s "1700000000.{\"a\":1}" | openssl dgst
    // -sha256 -hmac s3cret
    String signature = WebhookSignature.sign("s3cret", 1700000000L, "{\"a\":1}");
    assertThat(signature)
        .isEqualTo("sha256=1698a50bc74d1ff1db85c4e0a5297c2ad9fdba245d5737cdb789e4cc6e098940");
    assertThat(WebhookSignature.verify("s3cret", 1700000000L, "{\"a\":1}", signature)).isTrue();
    assertThat(WebhookSignature.verify("other", 1700000000L, "{\"a\":1}", signature)).isFalse();
    assertThat(WebhookSignature.verify("s3cret", 1700000001L, "{\"a\":1}", signature)).isFalse();
    assertThat(WebhookSignature.verify("s3cret", 1700000000L, "{\"a\":2}", signature)).isFalse();
  }

  @Test
  void retriesBackOffExponentiallyUpToTheMaximumThenGiveUp() {
    WebhookBackoff backoff = new WebhookBackoff(Duration.ofSeconds(10), Duration.ofMinutes(5), 8);
    assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(backoff.after(5)).isEqualTo(Duration.ofSeconds(160));
    assertThat(backoff.after(6)).isEqualTo(Duration.ofMinutes(5));
    assertThat(backoff.after(7)).isEqualTo(Duration.ofMinutes(5));
    assertThat(backoff.after(8)).isNull();
  }
}
