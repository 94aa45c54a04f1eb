package io.contactcenter.asrtts.internal.intent;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.asrtts.IntentLabel;
import io.contactcenter.asrtts.ReplyClassifier;
import io.contactcenter.asrtts.ReplyRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

class IntentConfigurationTest {

  @Test
  void bindsPropertiesAndUsesTheContextClock() {
    Instant now = Instant.parse("2026-11-23T02:00:00Z"); // 10:00 in Shanghai, 11:00 in Paris
    try (var context = new AnnotationConfigApplicationContext()) {
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(
              new MapPropertySource(
                  "test",
                  Map.of(
                      "cc.asrtts.intents.unknown-below", "0.4",
                      "cc.asrtts.intents.time-zone", "Europe/Paris")));
      context.registerBean(Clock.class, () -> Clock.fixed(now, ZoneId.of("UTC")));
      context.register(IntentConfiguration.class);
      context.refresh();

      IntentProperties properties = context.getBean(IntentProperties.class);
      ReplyClassifier classifier = context.getBean(ReplyClassifier.class);
      var result = classifier.classify(ReplyRequest.of("call me back in one hour"));

      assertThat(properties.unknownBelow()).isEqualTo(0.4);
      assertThat(properties.trainingFile()).isNull();
      assertThat(result.label()).isEqualTo(IntentLabel.CALL_BACK_LATER);
      assertThat(result.callbackAt())
          .contains(ZonedDateTime.of(2026, 11, 23, 4, 0, 0, 0, ZoneId.of("Europe/Paris")));
    }
  }
}
