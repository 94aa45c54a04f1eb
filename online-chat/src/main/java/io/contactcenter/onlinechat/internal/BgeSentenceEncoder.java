package io.contactcenter.onlinechat.internal;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import io.contactcenter.onlinechat.ChatLanguage;
import io.contactcenter.onlinechat.internal.domain.SentenceEncoder;
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

  static BgeSentenceEncoder of(ChatLanguage language) {
    return switch (language) {
      // The zh model is simplified-first: 退貨 embeds nearer 退货 once folded (ADR 0048 fourth
      // addendum).
      case ZH ->
          new BgeSentenceEncoder(
              BgeSmallZhV15QuantizedEmbeddingModel::new, TraditionalChinese::forModel);
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
