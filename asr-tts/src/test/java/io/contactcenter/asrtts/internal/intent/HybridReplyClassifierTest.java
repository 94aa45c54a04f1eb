package io.contactcenter.asrtts.internal.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.contactcenter.asrtts.IntentLabel;
import io.contactcenter.asrtts.ReplyClassification;
import io.contactcenter.asrtts.ReplyLanguage;
import io.contactcenter.asrtts.ReplyRequest;
import io.contactcenter.common.CampaignType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HybridReplyClassifierTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  // Monday.
  private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, SHANGHAI);

  private static HybridReplyClassifier classifier;

  @BeforeAll
  static void train() {
    classifier =
        new HybridReplyClassifier(
            IntentProperties.defaults(), Clock.fixed(NOW.toInstant(), ZoneId.of("UTC")));
  }

  // Fresh sentences, in neither the training file nor an evaluation set.
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          balance    | agree           | Sure, I'll get the remaining payment done after dinner.
          delay      | agree           | That's okay, I'm happy to wait a bit longer.
          reactivate | agree           | Yes, please text me the voucher code.
          balance    | already_done    | I think I paid that on Saturday already.
          delay      | already_done    | It actually arrived at my office this morning.
          balance    | refuse          | No, I'm not going ahead with this purchase, cancel it.
          reactivate | refuse          | No thanks, I'm not interested in coupons.
          any        | call_back_later | I'm at the gym right now, call me later.
          any        | wrong_person    | Sorry, you've got the wrong number, I'm not Mrs Li.
          any        | request_human   | Could I please speak to a real person?
          balance    | question        | How much is left to pay on my order?
          delay      | question        | When is the new delivery date?
          delay      | complaint       | This is the second time it's late, absolutely unacceptable.
          any        | do_not_call     | Please stop calling me and delete my number.
          """)
  void labelsEnglishReplies(String campaign, String label, String text) {
    assertLabel(ReplyLanguage.EN, campaign, label, text);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          balance    | agree           | 好的，我吃完饭就把尾款付了
          delay      | agree           | 没事没事，晚几天到也可以
          reactivate | agree           | 行啊，把券发我手机上吧
          balance    | already_done    | 尾款我上周六就交了
          delay      | already_done    | 包裹今早已经签收了
          balance    | refuse          | 这单我不要了，尾款不付了
          reactivate | refuse          | 不用了，我不需要这个活动
          any        | call_back_later | 我在健身，等会儿再打给我
          any        | wrong_person    | 你打错了，我不是李女士
          any        | request_human   | 能不能帮我转个人工
          balance    | question        | 尾款一共还要付多少
          delay      | question        | 新的送达时间是哪天
          delay      | complaint       | 又延迟了，你们太不靠谱了，我要投诉
          any        | do_not_call     | 以后别再打给我了，把号码删了
          """)
  void labelsChineseReplies(String campaign, String label, String text) {
    assertLabel(ReplyLanguage.ZH, campaign, label, text);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          any        | do_not_call     | stop calling me an delete my number
          balance    | already_done    | i all ready paid it yesterday
          any        | call_back_later | im driving rite now call me later
          any        | request_human   | let me talk to a reel person
          reactivate | refuse          | no thanks not intrested
          any        | wrong_person    | wrong numbr i dont know her
          """)
  void toleratesSpeechRecognitionNoiseInEnglish(String campaign, String label, String text) {
    assertLabel(ReplyLanguage.EN, campaign, label, text);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          any        | request_human   | 幫我轉人工客服
          balance    | already_done    | 我已經付過尾款了
          any        | do_not_call     | 不要再給我打電話了！
          balance    | agree           | 好的，我今晚付ＯＫ
          any        | call_back_later | 我在开车 晚点在打
          any        | wrong_person    | 你打错号马了
          """)
  void toleratesTraditionalFullWidthAndMisrecognisedChinese(
      String campaign, String label, String text) {
    assertLabel(ReplyLanguage.ZH, campaign, label, text);
  }

  @ParameterizedTest
  @CsvSource({"asdf qwer", "嗯嗯啊", "uh", "喂？"})
  void gibberishIsUnknown(String text) {
    ReplyClassification result = classifier.classify(ReplyRequest.of(text));

    assertThat(result.label()).isEqualTo(IntentLabel.UNKNOWN);
  }

  @Test
  void aThresholdAboveEveryScoreMakesEverythingUnknown() {
    HybridReplyClassifier strict =
        new HybridReplyClassifier(new IntentProperties(1.0, null, null), Clock.systemUTC());

    ReplyClassification result = strict.classify(ReplyRequest.of("yes I will pay today"));

    assertThat(result.label()).isEqualTo(IntentLabel.UNKNOWN);
    assertThat(result.scores().get(IntentLabel.AGREE)).isGreaterThan(0.5);
    assertThat(result.confidence())
        .isCloseTo(1 - result.scores().get(IntentLabel.AGREE), within(1e-9));
  }

  @Test
  void scoresCoverEveryLabelAndSumToOne() {
    ReplyClassification result = classifier.classify(ReplyRequest.of("ok I'll pay"));

    assertThat(result.scores()).containsOnlyKeys(IntentLabel.values());
    assertThat(result.scores().values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(1.0, within(1e-9));
    assertThat(result.label()).isEqualTo(IntentLabel.AGREE);
    assertThat(result.confidence()).isEqualTo(result.scores().get(IntentLabel.AGREE));
  }

  @Test
  void callBackLaterCarriesTheNamedTime() {
    ReplyClassification en =
        classifier.classify(
            new ReplyRequest("I'm busy, call me tomorrow after six", null, null, NOW));
    ReplyClassification zh = classifier.classify(new ReplyRequest("现在忙，明天下午再打", null, null, NOW));

    assertThat(en.label()).isEqualTo(IntentLabel.CALL_BACK_LATER);
    assertThat(en.callbackAt()).contains(NOW.plusDays(1).withHour(18));
    assertThat(zh.label()).isEqualTo(IntentLabel.CALL_BACK_LATER);
    assertThat(zh.callbackAt()).contains(NOW.plusDays(1).withHour(14));
  }

  @Test
  void withoutNowTheClockIsReadInTheConfiguredZone() {
    ReplyClassification result = classifier.classify(ReplyRequest.of("call me back in two hours"));

    assertThat(result.callbackAt()).contains(NOW.plusHours(2));
    assertThat(result.callbackAt().orElseThrow().getZone()).isEqualTo(SHANGHAI);
  }

  @Test
  void onlyCallBackLaterCarriesATime() {
    ReplyClassification result =
        classifier.classify(
            new ReplyRequest("I already paid it yesterday at 9pm", null, null, NOW));

    assertThat(result.label()).isEqualTo(IntentLabel.ALREADY_DONE);
    assertThat(result.callbackAt()).isEmpty();
  }

  @Test
  void punctuationOnlyIsUnknown() {
    ReplyClassification result = classifier.classify(ReplyRequest.of("？？…"));

    assertThat(result.label()).isEqualTo(IntentLabel.UNKNOWN);
    assertThat(result.confidence()).isEqualTo(1.0);
  }

  @Test
  void anExternalTrainingFileIsPickedUpWhenItChanges(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("extra.tsv");
    Files.writeString(file, "# nothing yet\n", StandardCharsets.UTF_8);
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
    HybridReplyClassifier live =
        new HybridReplyClassifier(new IntentProperties(0.5, file, null), Clock.systemUTC());
    ReplyRequest codeWord = ReplyRequest.of("zorblax");
    assertThat(live.classify(codeWord).label()).isEqualTo(IntentLabel.UNKNOWN);

    Files.writeString(
        file,
        """
        en\tany\trequest_human\tzorblax
        en\tany\trequest_human\tzorblax please
        en\tany\trequest_human\tzorblax now
        """,
        StandardCharsets.UTF_8);
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-02T00:00:00Z")));

    assertThat(live.classify(codeWord).label()).isEqualTo(IntentLabel.REQUEST_HUMAN);

    Files.delete(file);

    assertThat(live.classify(codeWord).label()).isEqualTo(IntentLabel.UNKNOWN);
  }

  @Test
  void aMissingExternalFileLeavesTheBuiltInExamples(@TempDir Path dir) {
    HybridReplyClassifier live =
        new HybridReplyClassifier(
            new IntentProperties(0.5, dir.resolve("absent.tsv"), null), Clock.systemUTC());

    assertThat(live.classify(ReplyRequest.of("stop calling me")).label())
        .isEqualTo(IntentLabel.DO_NOT_CALL);
  }

  @Test
  void classifiesWellUnderAMillisecond() {
    ReplyRequest[] requests = {
      ReplyRequest.of("I'm busy right now, could you call me back tomorrow at 3pm?"),
      ReplyRequest.of("好的，我明天下午把尾款付了", CampaignType.BALANCE),
    };
    for (int i = 0; i < 2_000; i++) {
      classifier.classify(requests[i % 2]);
    }
    int n = 10_000;
    long started = System.nanoTime();
    for (int i = 0; i < n; i++) {
      classifier.classify(requests[i % 2]);
    }
    double micros = (System.nanoTime() - started) / 1_000.0 / n;
    System.out.printf("reply classification: %.1f µs per reply%n", micros);
    assertThat(micros).isLessThan(1_000);
  }

  private static void assertLabel(
      ReplyLanguage language, String campaign, String label, String text) {
    ReplyClassification result =
        classifier.classify(new ReplyRequest(text, language, CampaignType.fromCode(campaign), NOW));

    assertThat(result.label())
        .as("%s (scores %s)", text, result.scores())
        .isEqualTo(IntentLabel.fromCode(label));
    assertThat(result.confidence()).isBetween(0.5, 1.0);
  }
}
