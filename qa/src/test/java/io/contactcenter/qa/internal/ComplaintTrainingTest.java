package io.contactcenter.qa.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.qa.internal.domain.ComplaintModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * QA's complaint training rows (ADR 0028): both languages and both labels are there, no row is an
 * evaluation row, and the model they train tells complaints from plain requests on rows it has not
 * seen.
 */
class ComplaintTrainingTest {

  @Test
  void rowsCoverBothLanguagesAndLabels() {
    List<ComplaintModel.Example> rows = ComplaintTraining.rows();
    for (String lang : List.of("en", "zh")) {
      for (boolean complaint : List.of(true, false)) {
        assertThat(
                rows.stream()
                    .filter(r -> r.language().equals(lang) && r.complaint() == complaint)
                    .count())
            .as("%s complaint=%s", lang, complaint)
            .isGreaterThanOrEqualTo(30);
      }
    }
  }

  @Test
  void noTrainingRowIsAnEvaluationRow() throws IOException {
    Set<String> evaluation = new HashSet<>();
    try (InputStream in = getClass().getResourceAsStream("/complaints/utterances.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String[] f = line.split("\t");
        if (!line.startsWith("#") && f.length == 4) {
          evaluation.add(normal(f[3]));
        }
      }
    }
    // The robot replies' shared evaluation set lives beside the clone when it is there.
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path shared = dir.resolve("shared/eval/robot-replies.dev.tsv");
      if (Files.isRegularFile(shared)) {
        for (String line : Files.readAllLines(shared, StandardCharsets.UTF_8)) {
          String[] f = line.split("\t");
          if (!line.startsWith("#") && f.length == 4) {
            evaluation.add(normal(f[3]));
          }
        }
        break;
      }
    }
    assertThat(evaluation).hasSizeGreaterThanOrEqualTo(100);
    assertThat(ComplaintTraining.rows())
        .filteredOn(r -> evaluation.contains(normal(r.text())))
        .isEmpty();
  }

  @Test
  void theModelLearnsComplaintsFromRequestsInBothLanguages() throws IOException {
    ComplaintModel model =
        ComplaintModel.train(
            ComplaintModel.read(
                new StringReader(
                    """
                    # toy rows
                    en\t1\tthis is terrible i am angry
                    en\t1\tterrible service refund me now
                    en\t0\tcan you check my order please
                    en\t0\tthank you please send the invoice
                    zh\t1\t太差了我很生气
                    zh\t1\t服务太差了马上退钱
                    zh\t0\t请帮我查一下订单
                    zh\t0\t谢谢请把发票发给我
                    """)));
    assertThat(model.probability("so angry about this terrible mess")).isGreaterThan(0.8);
    assertThat(model.probability("please check the invoice")).isLessThan(0.2);
    assertThat(model.probability("真是太差了")).isGreaterThan(0.8);
    assertThat(model.probability("请帮我查发票")).isLessThan(0.2);
    assertThat(model.probability("zzz qqq")).as("nothing known: the prior").isEqualTo(0.5);
  }

  @Test
  void aMalformedRowIsNamedByItsLine() {
    assertThatThrownBy(
            () -> ComplaintModel.read(new StringReader("# c\nen\t1\tfine\nen\tyes\tbad row\n")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 3");
    assertThatThrownBy(
            () ->
                ComplaintModel.train(
                    List.of(new ComplaintModel.Example("en", true, "only complaints"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String normal(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}\\p{IsPunctuation}\\s]", "");
  }
}
