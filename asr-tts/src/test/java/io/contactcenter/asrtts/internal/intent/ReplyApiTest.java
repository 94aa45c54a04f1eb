package io.contactcenter.asrtts.internal.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.asrtts.IntentLabel;
import io.contactcenter.asrtts.ReplyLanguage;
import io.contactcenter.asrtts.ReplyRequest;
import io.contactcenter.common.CampaignType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The public request and enum types validate their input with clear messages. */
class ReplyApiTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\t\n"})
  void blankTextIsRejected(String text) {
    assertThatThrownBy(() -> ReplyRequest.of(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("text is empty");
  }

  @Test
  void nullTextIsRejected() {
    assertThatThrownBy(() -> new ReplyRequest(null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("text is empty");
  }

  @Test
  void overLongTextIsRejected() {
    assertThat(ReplyRequest.of("a".repeat(1000)).text()).hasSize(1000);
    assertThatThrownBy(() -> ReplyRequest.of("a".repeat(1001)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("text is longer than 1000 characters");
  }

  @Test
  void missingLanguageIsDetectedAndMissingCampaignIsAny() {
    ReplyRequest chinese = ReplyRequest.of("ok 好的");
    ReplyRequest english = ReplyRequest.of("OK fine");

    assertThat(chinese.language()).isEqualTo(ReplyLanguage.ZH);
    assertThat(english.language()).isEqualTo(ReplyLanguage.EN);
    assertThat(english.campaign()).isEqualTo(CampaignType.ANY);
  }

  @Test
  void unknownLanguageCodeNamesTheSupportedOnes() {
    assertThat(ReplyLanguage.fromCode("ZH")).isEqualTo(ReplyLanguage.ZH);
    assertThatThrownBy(() -> ReplyLanguage.fromCode("de"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unsupported language 'de': supported are en, zh");
  }

  @Test
  void unknownLabelAndCampaignCodesNameTheValidOnes() {
    assertThat(IntentLabel.fromCode("call_back_later")).isEqualTo(IntentLabel.CALL_BACK_LATER);
    assertThat(CampaignType.fromCode("delay")).isEqualTo(CampaignType.DELAY);
    assertThatThrownBy(() -> IntentLabel.fromCode("yes"))
        .hasMessageContaining("agree, already_done, refuse");
    assertThatThrownBy(() -> CampaignType.fromCode("sale"))
        .hasMessage("unknown campaign 'sale': expected one of balance, delay, reactivate, any");
  }

  @Test
  void invalidThresholdIsRejectedWithTheKey() {
    assertThatThrownBy(() -> new IntentProperties(1.5, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cc.asrtts.intents.unknown-below must be between 0 and 1, was 1.5");
  }
}
