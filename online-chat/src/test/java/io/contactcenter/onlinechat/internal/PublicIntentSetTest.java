package io.contactcenter.onlinechat.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public set's reader on small files of both copies' shapes (the set itself is not here). */
class PublicIntentSetTest {

  private static final String LINES =
      "text,category\r\n"
          + "\"Hi, where is my card?\",card_arrival\r\n"
          + "My card, ordered last week, has not come,card_arrival\r\n"
          + "\"She said \"\"pending\"\" again\",pending_transfer\n"
          + "I can't seem to be able to use my card\r\n\r\n\r\n,card_not_working\r\n"
          + "\n"
          + "Why was my payment reverted?,reverted_card_payment?\n";

  @Test
  void quotedUnquotedAndBrokenLinesAreRead() {
    List<PublicIntentSet.Row> rows = PublicIntentSet.parse(LINES, "test");
    assertThat(rows)
        .containsExactly(
            new PublicIntentSet.Row("Hi, where is my card?", "card_arrival"),
            new PublicIntentSet.Row("My card, ordered last week, has not come", "card_arrival"),
            new PublicIntentSet.Row("She said \"pending\" again", "pending_transfer"),
            new PublicIntentSet.Row("I can't seem to be able to use my card", "card_not_working"),
            new PublicIntentSet.Row("Why was my payment reverted?", "reverted_card_payment?"));
  }

  @Test
  void aMissingPieceStopsTheRun(@TempDir Path dir) throws IOException {
    Path pieces = Files.createDirectories(dir.resolve("test"));
    int cut = LINES.indexOf("has not");
    Files.writeString(pieces.resolve("chunk-00.txt"), LINES.substring(0, cut));
    assertThatIllegalStateException()
        .isThrownBy(() -> PublicIntentSet.read(dir, PublicIntentSet.TEST, false))
        .withMessageContaining("chunk-01.txt");
    // While the copy arrives: the leading pieces, the cut line dropped.
    assertThat(PublicIntentSet.read(dir, PublicIntentSet.TEST, true))
        .extracting(PublicIntentSet.Row::category)
        .containsExactly("card_arrival");
  }

  @Test
  void aWholeCopyWithTooFewIntentsIsRefused(@TempDir Path dir) throws IOException {
    Path pieces = Files.createDirectories(dir.resolve("test"));
    for (int i = 0; i < PublicIntentSet.TEST.pieces(); i++) {
      Files.writeString(
          pieces.resolve(String.format(java.util.Locale.ROOT, "chunk-%02d.txt", i)),
          i == 0 ? LINES : "");
    }
    assertThatIllegalStateException()
        .isThrownBy(() -> PublicIntentSet.read(dir, PublicIntentSet.TEST, false))
        .withMessageContaining("4 categories, expected 77");
  }

  @Test
  void theTrainQuestionsBecomeOneFaqPerIntentThroughTheImport() {
    List<PublicIntentSet.Row> rows = PublicIntentSet.parse(LINES, "train");
    FaqImport.Result kb = FaqImport.read(PublicIntentSet.faqCsv(rows));
    assertThat(kb.problems()).isEmpty();
    assertThat(kb.faqs())
        .extracting(FaqImport.Faq::faqId)
        .containsExactly(
            "card_arrival", "pending_transfer", "card_not_working", "reverted_card_payment?");
    FaqImport.Faq arrival = kb.faqs().get(0);
    assertThat(arrival.question()).isEqualTo("Card arrival");
    assertThat(arrival.examples())
        .containsExactly(
            "Card arrival", "Hi, where is my card?", "My card, ordered last week, has not come");
    assertThat(kb.faqs().get(1).examples()).contains("She said \"pending\" again");
  }

  @Test
  void everyTenthQuestionOfAnIntentIsHeldOut() {
    List<PublicIntentSet.Row> rows = new java.util.ArrayList<>();
    for (int i = 0; i < 25; i++) {
      rows.add(new PublicIntentSet.Row("a" + i, "a_x"));
      rows.add(new PublicIntentSet.Row("b" + i, "b_x"));
    }
    PublicIntentSet.Split split = PublicIntentSet.validation(rows, 10);
    assertThat(split.validation())
        .extracting(PublicIntentSet.Row::text)
        .containsExactly("a9", "b9", "a19", "b19");
    assertThat(split.fit()).hasSize(46).doesNotContainAnyElementsOf(split.validation());
  }
}
