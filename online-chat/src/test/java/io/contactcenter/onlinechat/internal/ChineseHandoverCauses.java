package io.contactcenter.onlinechat.internal;

import static io.contactcenter.onlinechat.internal.FaqBotAccuracyTest.BOT;
import static io.contactcenter.onlinechat.internal.FaqBotAccuracyTest.CACHED;
import static io.contactcenter.onlinechat.internal.FaqBotAccuracyTest.faqs;
import static io.contactcenter.onlinechat.internal.FaqBotAccuracyTest.policy;
import static io.contactcenter.onlinechat.internal.FaqBotAccuracyTest.questions;
import static io.contactcenter.onlinechat.internal.FaqBotAccuracyTest.zh;

import io.contactcenter.onlinechat.ChatLanguage;
import io.contactcenter.onlinechat.internal.FaqBotAccuracyTest.Question;
import io.contactcenter.onlinechat.internal.domain.BotDecision;
import io.contactcenter.onlinechat.internal.domain.BotPolicy;
import io.contactcenter.onlinechat.internal.domain.FaqEntry;
import io.contactcenter.onlinechat.internal.domain.FaqIndex;
import io.contactcenter.onlinechat.internal.domain.FaqMatch;
import io.contactcenter.onlinechat.internal.domain.MeaningWeight;
import io.contactcenter.onlinechat.internal.domain.SentenceEncoder;
import io.contactcenter.onlinechat.internal.domain.Tokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Why the Chinese bot hands over in-scope questions (issue 13): for each in-scope zh question the
 * default bot does not answer, its top candidates with the fused score and its two parts (words:
 * TF-IDF with the lexicon; meaning: the embedding cosine), and one cause of:
 *
 * <ul>
 *   <li>{@code ranking-meaning} / {@code ranking-words} / {@code ranking-both}: a wrong FAQ on top;
 *       which part puts the right one below another;
 *   <li>{@code low-no-shared-word}: the right FAQ on top under min score, sharing no term with it
 *       (a segmentation or lexicon gap);
 *   <li>{@code low-score}: on top under min score with words shared (the model's cosine near the
 *       floor);
 *   <li>{@code short-lead}: on top at or above min score but not clearly ahead of the runner-up;
 *   <li>{@code nothing-matched}: no shared term and a cosine under the floor with every FAQ;
 *   <li>{@code clarify-rule}: above the clarify threshold, but the runner-up is just under it, so
 *       nothing is offered.
 * </ul>
 *
 * Counts per split are printed; the rows go to {@code online-chat/target/zh-handover-causes.txt}.
 * Not part of the test suite (its name does not end in Test): {@code -Dtest=ChineseHandoverCauses}.
 * The encoder is the production one unless {@code bench.zh-model=full} (the non-quantized model).
 * The other two methods print the tune rows' scores and the weight and threshold grid on the tune
 * rows with the shop questions of {@value FaqBotAccuracyTest#TUNE3_FILE} (ADR 0048 third addendum).
 */
class ChineseHandoverCauses {

  static final String[] SPLITS = {"tune", "tune2", "heldout", "heldout2", "heldout3"};

  @Test
  void whyInScopeChineseQuestionsAreHandedOver() throws IOException {
    SentenceEncoder model =
        "full".equals(System.getProperty("bench.zh-model"))
            ? ChineseModelBenchmark.cached(ChineseModelBenchmark.full())
            : CACHED.get(ChatLanguage.ZH);
    StringBuilder out = new StringBuilder();
    Tokenizer tokenizer = BOT.get(ChatLanguage.ZH);
    List<FaqEntry> faqs = faqs(ChatLanguage.ZH);
    MeaningWeight weight = FaqBotAccuracyTest.defaultMeaning().get(ChatLanguage.ZH);
    FaqIndex fused = FaqIndex.build(faqs, tokenizer, model, weight, null);
    FaqIndex words = FaqIndex.build(faqs, tokenizer);
    // Weight 1, floor 0: the score is the plain (mean of best example and centroid) cosine.
    FaqIndex meaning = FaqIndex.build(faqs, tokenizer, model, new MeaningWeight(1, 0), fused);
    BotPolicy zh = policy(ChatLanguage.ZH);
    for (String split : SPLITS) {
      List<Question> rows =
          split.startsWith("tune")
              ? questions().stream()
                  .filter(q -> q.lang() == ChatLanguage.ZH && q.split().equals(split))
                  .toList()
              : zh(split);
      Map<String, Integer> causes = new TreeMap<>();
      int inScope = 0;
      int clarified = 0;
      for (Question q : rows) {
        if (q.faqId().isEmpty()) {
          continue;
        }
        inScope++;
        List<FaqMatch> m = fused.match(q.text(), faqs.size());
        BotDecision d = zh.byScore(m.subList(0, Math.min(m.size(), IndexedFaqBot.CANDIDATES)), 0);
        if (d instanceof BotDecision.Clarify) {
          clarified++;
        }
        if (!(d instanceof BotDecision.Rephrase || d instanceof BotDecision.Handoff)) {
          continue;
        }
        Map<String, Double> w = scores(words, q.text(), faqs.size());
        Map<String, Double> e = scores(meaning, q.text(), faqs.size());
        String cause = cause(q, m, w, e, zh);
        causes.merge(cause, 1, Integer::sum);
        out.append(
            String.format(
                "%s\t%s\t%s\tright %s\t%s%n",
                split, cause, q.text(), q.faqId(), describe(q.faqId(), m, w, e)));
        out.append(
            String.format(
                "\t\tterms %s%n",
                tokenizer.terms(q.text()).stream().filter(t -> !t.startsWith("#")).toList()));
      }
      int handedOver = causes.values().stream().mapToInt(Integer::intValue).sum();
      System.out.printf(
          "zh handover causes %s (%s): %d of %d in scope handed over %s; %d clarified%n",
          split, System.getProperty("bench.zh-model", "q"), handedOver, inScope, causes, clarified);
    }
    Path file = Path.of("target", "zh-handover-causes.txt");
    Files.writeString(file, out);
  }

  /**
   * The tune rows' two best fused scores (in scope and out of scope), for choosing a threshold rule
   * on them: {@code online-chat/target/zh-tune-scores.tsv}.
   */
  @Test
  void tuneRowScores() throws IOException {
    Map<ChatLanguage, FaqIndex> indexes =
        FaqBotAccuracyTest.indexes(BOT, CACHED, FaqBotAccuracyTest.defaultMeaning());
    StringBuilder out = new StringBuilder("split\tfaq\ttop\tbest\tsecond\ttext\n");
    List<Question> rows = new java.util.ArrayList<>(questions());
    rows.addAll(FaqBotAccuracyTest.questions(FaqBotAccuracyTest.TUNE3_FILE));
    for (Question q : rows) {
      if (q.lang() != ChatLanguage.ZH || !q.split().startsWith("tune")) {
        continue;
      }
      List<FaqMatch> m = indexes.get(ChatLanguage.ZH).match(q.text(), IndexedFaqBot.CANDIDATES);
      out.append(
          String.format(
              "%s\t%s\t%s\t%.4f\t%.4f\t%s%n",
              q.split(),
              q.faqId(),
              m.isEmpty() ? "" : m.get(0).faq().faqId(),
              m.isEmpty() ? 0 : m.get(0).score(),
              m.size() < 2 ? 0 : m.get(1).score(),
              q.text()));
    }
    Files.writeString(Path.of("target", "zh-tune-scores.tsv"), out);
  }

  /**
   * The zh meaning weight and the zh thresholds on the tune rows with the shop questions of {@value
   * FaqBotAccuracyTest#TUNE3_FILE}: answered right on tune and tune2, wrong answers (a wrong FAQ,
   * or an out-of-scope question answered) on all three. Printed for the ADR 0048 third addendum.
   */
  @Test
  void weightsAndThresholdsOnTheTuneRowsWithShopQuestions() throws IOException {
    List<Question> rows = new java.util.ArrayList<>(questions());
    rows.addAll(FaqBotAccuracyTest.questions(FaqBotAccuracyTest.TUNE3_FILE));
    rows =
        rows.stream()
            .filter(q -> q.lang() == ChatLanguage.ZH && q.split().startsWith("tune"))
            .toList();
    List<FaqEntry> faqs = faqs(ChatLanguage.ZH);
    Tokenizer tokenizer = BOT.get(ChatLanguage.ZH);
    for (double weight : new double[] {0.4, 0.5, 0.6, 0.7, 0.8, 0.9}) {
      for (double floor : new double[] {0.4, 0.5, 0.6, 0.7}) {
        FaqIndex index =
            FaqIndex.build(
                faqs,
                tokenizer,
                CACHED.get(ChatLanguage.ZH),
                new MeaningWeight(weight, floor),
                null);
        Map<ChatLanguage, FaqIndex> indexes = Map.of(ChatLanguage.ZH, index);
        for (double min : new double[] {0.20, 0.15, 0.10}) {
          for (double lead : new double[] {0.12, 0.08, 0.06, 0.04}) {
            BotPolicy p = new BotPolicy(0.45, 0.30, 0.05, min, lead);
            FaqBotAccuracyTest.Score s = FaqBotAccuracyTest.score(indexes, rows, p);
            System.out.printf(
                "zh tune grid weight %.1f floor %.1f min %.2f lead %.2f: answered right %d/%d, wrong %d, out of scope handed over %d/%d%n",
                weight,
                floor,
                min,
                lead,
                s.answeredRight(),
                s.inScope(),
                FaqBotAccuracyTest.wrongAnswers(indexes, rows, p),
                s.oosHandedOver(),
                s.outOfScope());
          }
        }
      }
    }
  }

  static String cause(
      Question q,
      List<FaqMatch> fused,
      Map<String, Double> words,
      Map<String, Double> meaning,
      BotPolicy policy) {
    String right = q.faqId();
    if (fused.isEmpty()) {
      return "nothing-matched";
    }
    if (!fused.get(0).faq().faqId().equals(right)) {
      boolean wordsWrong = !best(words).equals(right);
      boolean meaningWrong = !best(meaning).equals(right);
      return meaningWrong && wordsWrong
          ? "ranking-both"
          : meaningWrong ? "ranking-meaning" : "ranking-words";
    }
    double best = fused.get(0).score();
    double second = fused.size() > 1 ? fused.get(1).score() : 0;
    if (best < policy.minScore()) {
      return words.getOrDefault(right, 0.0) == 0 ? "low-no-shared-word" : "low-score";
    }
    if (best >= policy.clarifyThreshold() && second < policy.clarifyThreshold()) {
      return "clarify-rule";
    }
    return best - second < policy.clearLead() ? "short-lead" : "other";
  }

  static String best(Map<String, Double> scores) {
    return scores.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElse("");
  }

  static Map<String, Double> scores(FaqIndex index, String text, int limit) {
    Map<String, Double> scores = new TreeMap<>();
    for (FaqMatch m : index.match(text, limit)) {
      scores.put(m.faq().faqId(), m.score());
    }
    return scores;
  }

  static String describe(
      String right, List<FaqMatch> fused, Map<String, Double> words, Map<String, Double> meaning) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 3 && i < fused.size(); i++) {
      String id = fused.get(i).faq().faqId();
      s.append(
          String.format(
              "%s%s %.3f (w %.2f, cos %.3f)  ",
              id.equals(right) ? "*" : "",
              id,
              fused.get(i).score(),
              words.getOrDefault(id, 0.0),
              meaning.getOrDefault(id, 0.0)));
    }
    int rank = 1;
    for (FaqMatch m : fused) {
      if (m.faq().faqId().equals(right)) {
        break;
      }
      rank++;
    }
    if (rank > 3) {
      s.append(
          String.format(
              "| right at %d: w %.2f, cos %.3f",
              rank, words.getOrDefault(right, 0.0), meaning.getOrDefault(right, 0.0)));
    }
    return s.toString();
  }
}
