package io.contactcenter.onlinechat.internal;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import io.contactcenter.onlinechat.ChatLanguage;
import io.contactcenter.onlinechat.internal.domain.SentenceEncoder;
import io.contactcenter.onlinechat.internal.domain.Synonyms;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * One language's small BGE sentence-embedding model (bge-small v1.5, int8-quantized ONNX, shipped
 * inside its Maven jar: nothing is downloaded at run time), run in-process by ONNX Runtime. The
 * model is loaded on first use, so a language without FAQs costs no memory (about 100 MB each when
 * loaded, docs/benchmarks.md). Thread-safe: ONNX Runtime sessions serve concurrent calls.
 */
final class BgeSentenceEncoder implements SentenceEncoder {

  /** Questions are short; a pasted essay is cut so one message cannot cost seconds of CPU. */
  static final int MAX_CHARS = 256;

  private final Supplier<EmbeddingModel> loader;
  private final UnaryOperator<String> forModel;
  private volatile EmbeddingModel model;

  private BgeSentenceEncoder(Supplier<EmbeddingModel> loader, UnaryOperator<String> forModel) {
    this.loader = loader;
    this.forModel = forModel;
  }

  /** The language's model, zh reading the shipped lexicon's English words in Chinese. */
  static BgeSentenceEncoder of(ChatLanguage language) {
    return of(language, TraditionalChinese.SHIPPED_ENGLISH);
  }

  /**
   * @param english for zh, the lexicon whose English words the model reads as their group's
   *     canonical word (the configured {@code cc.chat.synonyms.zh}, ADR 0048 fifth addendum)
   */
  static BgeSentenceEncoder of(ChatLanguage language, Synonyms english) {
    return switch (language) {
      // The zh model is simplified-first: 退貨 embeds nearer 退货 once folded (ADR 0048 fourth
      // addendum).
      case ZH ->
          new BgeSentenceEncoder(
              BgeSmallZhV15QuantizedEmbeddingModel::new,
              text -> TraditionalChinese.forModel(text, english));
      case EN ->
          new BgeSentenceEncoder(
              BgeSmallEnV15QuantizedEmbeddingModel::new, UnaryOperator.identity());
    };
  }

  @Override
  public float[] encode(String text) {
    String folded = forModel.apply(text);
    String cut = folded.length() > MAX_CHARS ? folded.substring(0, MAX_CHARS) : folded;
    return model().embed(cut).content().vector();
  }

  private EmbeddingModel model() {
    EmbeddingModel loaded = model;
    if (loaded == null) {
      synchronized (this) {
        loaded = model;
        if (loaded == null) {
          loaded = loader.get();
          model = loaded;
        }
      }
    }
    return loaded;
  }
}
