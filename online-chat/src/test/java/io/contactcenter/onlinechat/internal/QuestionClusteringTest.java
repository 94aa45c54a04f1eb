package io.contactcenter.onlinechat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.onlinechat.ChatLanguage;
import io.contactcenter.onlinechat.internal.domain.MeaningWeight;
import io.contactcenter.onlinechat.internal.domain.QuestionClusterer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cold start on the labelled set: every FAQ example and question of one language, shuffled into one
 * list, clustered without the number of FAQs; NMI against the FAQ ids (figures in
 * docs/benchmarks.md).
 */
class QuestionClusteringTest {

  /** The labelled texts of one language: FAQ examples and in-scope questions of the splits. */
  record Labelled(List<String> texts, List<String> labels) {}

  static Labelled labelled(ChatLanguage lang, List<String> splits) throws IOException {
    FaqImport.Result kb = FaqImport.read(FaqBotAccuracyTest.resource("faqs.csv"));
    List<String> texts = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (FaqImport.Faq faq : kb.faqs()) {
      if (faq.lang() == lang) {
        for (String example : faq.examples()) {
          texts.add(example);
          labels.add(faq.faqId());
        }
      }
    }
    for (FaqBotAccuracyTest.Question q : FaqBotAccuracyTest.questions()) {
      if (q.lang() == lang && !q.faqId().isEmpty() && splits.contains(q.split())) {
        texts.add(q.text());
        labels.add(q.faqId());
      }
    }
    return new Labelled(texts, labels);
  }

  static double nmi(QuestionClusterer clusterer, Labelled set, String how, ChatLanguage lang) {
    List<Double> progress = new ArrayList<>();
    QuestionClusterer.Result result = clusterer.cluster(set.texts(), progress::add);
    double nmi = nmi(set.labels(), withSingletons(result, set.texts().size()));
    if (how != null) {
      System.out.printf(
          "cold start %s %s: %d questions, %d FAQs -> %d clusters, %d unclustered, NMI %.3f%n",
          how,
          lang.tag(),
          set.texts().size(),
          set.labels().stream().distinct().count(),
          result.clusters().size(),
          result.unclustered().size(),
          nmi);
    }
    assertThat(progress).last().isEqualTo(1.0);
    assertThat(progress).isSorted();
    assertThat(result.clusters().get(0).size())
        .isGreaterThanOrEqualTo(result.clusters().get(result.clusters().size() - 1).size());
    return nmi;
  }

  static QuestionClusterer byMeaning(ChatLanguage lang) {
    return new QuestionClusterer(
        new JiebaTokenizer(),
        ColdStartJobs.BY_MEANING.get(lang).threshold(),
        2,
        FaqBotAccuracyTest.CACHED.get(lang),
        ColdStartJobs.BY_MEANING.get(lang).weight());
  }

  @Test
  void paraphrasesOfOneFaqClusterTogetherInBothLanguages() throws IOException {
    QuestionClusterer words = new QuestionClusterer(new JiebaTokenizer(), 0.25, 2);
    for (ChatLanguage lang : ChatLanguage.values()) {
      Labelled all = labelled(lang, List.of("tune", "heldout"));
      double byWords = nmi(words, all, "words", lang);
      double withMeaning = nmi(byMeaning(lang), all, "words+meaning", lang);
      Labelled heldOut = labelled(lang, List.of("heldout"));
      nmi(words, heldOut, "words, held-out questions only", lang);
      nmi(byMeaning(lang), heldOut, "words+meaning, held-out questions only", lang);
      assertThat(byWords).as("%s NMI by words", lang).isGreaterThan(0.6);
      assertThat(withMeaning).as("%s NMI with meaning", lang).isGreaterThan(byWords);
    }
  }

  /**
   * The cold start's threshold and weight were chosen on the FAQ examples and tune questions only
   * (the grid is printed for docs/benchmarks.md): the defaults reach the grid's best NMI there.
   */
  @Test
  void coldStartMeaningWasChosenOnTheTuneRows() throws IOException {
    for (ChatLanguage lang : ChatLanguage.values()) {
      Labelled tune = labelled(lang, List.of("tune"));
      double best = -1;
      String bestAt = "";
      for (double weight : new double[] {0.3, 0.5, 0.7, 0.9}) {
        for (double threshold : new double[] {0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55}) {
          double nmi =
              nmi(
                  new QuestionClusterer(
                      new JiebaTokenizer(),
                      threshold,
                      2,
                      FaqBotAccuracyTest.CACHED.get(lang),
                      new MeaningWeight(
                          weight, ColdStartJobs.BY_MEANING.get(lang).weight().floor())),
                  tune,
                  null,
                  lang);
          System.out.printf(
              "cold start grid %s weight %.1f threshold %.2f: NMI %.3f%n",
              lang.tag(), weight, threshold, nmi);
          if (nmi > best + 1e-9) {
            best = nmi;
            bestAt = weight + "/" + threshold;
          }
        }
      }
      double chosen = nmi(byMeaning(lang), tune, "words+meaning, tune rows", lang);
      System.out.printf("cold start grid %s best %.3f at %s%n", lang.tag(), best, bestAt);
      assertThat(chosen)
          .as("%s NMI of the defaults on the tune rows", lang)
          .isCloseTo(best, org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  @Test
  void greetingsAndNearDuplicatesAreKeptApart() {
    greetingsAndNearDuplicatesAreKeptApart(new QuestionClusterer(new JiebaTokenizer(), 0.25, 2));
    greetingsAndNearDuplicatesAreKeptApart(byMeaning(ChatLanguage.EN));
  }

  private static void greetingsAndNearDuplicatesAreKeptApart(QuestionClusterer clusterer) {
    QuestionClusterer.Result result =
        clusterer.cluster(
            List.of(
                "where is my refund",
                "hi",
                "Where is my refund?",
                "hello",
                "how do I change my delivery address",
                "change delivery address"),
            p -> {});
    assertThat(result.clusters()).hasSize(2);
    assertThat(result.clusters())
        .extracting(QuestionClusterer.Cluster::rows)
        .containsExactlyInAnyOrder(List.of(0, 2), List.of(4, 5));
    assertThat(result.unclustered()).containsExactly(1, 3);
  }

  /** Each row's cluster number; unclustered rows count as singletons (a number of their own). */
  static int[] withSingletons(QuestionClusterer.Result result, int rows) {
    int[] predicted = new int[rows];
    java.util.Arrays.fill(predicted, -1);
    for (int c = 0; c < result.clusters().size(); c++) {
      for (int row : result.clusters().get(c).rows()) {
        predicted[row] = c;
      }
    }
    int next = result.clusters().size();
    for (int i = 0; i < predicted.length; i++) {
      if (predicted[i] < 0) {
        predicted[i] = next++;
      }
    }
    return predicted;
  }

  static double nmi(List<String> labels, int[] predicted) {
    int n = labels.size();
    Map<String, Integer> a = new HashMap<>();
    Map<Integer, Integer> b = new HashMap<>();
    Map<String, Integer> joint = new HashMap<>();
    for (int i = 0; i < n; i++) {
      a.merge(labels.get(i), 1, Integer::sum);
      b.merge(predicted[i], 1, Integer::sum);
      joint.merge(labels.get(i) + "\u0000" + predicted[i], 1, Integer::sum);
    }
    double mi = 0;
    for (Map.Entry<String, Integer> e : joint.entrySet()) {
      String[] parts = e.getKey().split("\u0000");
      double pxy = (double) e.getValue() / n;
      double px = (double) a.get(parts[0]) / n;
      double py = (double) b.get(Integer.parseInt(parts[1])) / n;
      mi += pxy * Math.log(pxy / (px * py));
    }
    double ha = entropy(a.values(), n);
    double hb = entropy(b.values(), n);
    return 2 * mi / (ha + hb);
  }

  private static double entropy(java.util.Collection<Integer> counts, int n) {
    double h = 0;
    for (int c : counts) {
      double p = (double) c / n;
      h -= p * Math.log(p);
    }
    return h;
  }
}
