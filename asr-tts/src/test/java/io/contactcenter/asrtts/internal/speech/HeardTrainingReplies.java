package io.contactcenter.asrtts.internal.speech;

import io.contactcenter.asrtts.RecognitionOptions;
import io.contactcenter.asrtts.Transcript;
import io.contactcenter.asrtts.internal.intent.ReplyEvaluationSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes the classifier's English training rows as the recognizer hears them: each row spoken by
 * one of the benchmark's tune voices (never a held-out one), sent through a line drawn as the
 * benchmark draws them, and recognized; rows heard as nothing are left out. Command line: {@code
 * HeardTrainingReplies OUT.tsv}.
 */
public final class HeardTrainingReplies {

  private HeardTrainingReplies() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    long seed = Long.getLong("bench.seed", 20);
    Path tmp = Files.createTempDirectory("cc-heard-training");
    List<EvaluationVoice> voices =
        NoisyReplyBenchmark.VOICES.stream()
            .filter(v -> !v.heldOut())
            .filter(EvaluationVoice::available)
            .toList();
    SpeechProperties properties = SpeechProperties.defaults();
    MaryTtsSpeechSynthesizer mary =
        new MaryTtsSpeechSynthesizer(tmp.resolve("tts"), "cmu-slt-hsmm", 16);
    EspeakNgVoice espeak = new EspeakNgVoice("espeak-ng");
    List<String> lines = new ArrayList<>();
    lines.add(
        "# The English training rows as heard through a simulated phone line (HeardTrainingReplies).");
    List<ReplyEvaluationSet.Row> rows = ReplyEvaluationSet.englishTrainingRows();
    try (VoskModels models =
        new VoskModels(properties, HeardTrainingReplies.class.getClassLoader())) {
      VoskSpeechRecognizer asr = new VoskSpeechRecognizer(models, properties);
      for (int i = 0; i < rows.size(); i++) {
        ReplyEvaluationSet.Row row = rows.get(i);
        EvaluationVoice voice = voices.get(i % voices.size());
        Random random = new Random(seed * 41 + row.utterance().hashCode());
        TelephoneChannel line = NoisyReplyBenchmark.draw(random);
        short[] heard =
            line.carry(
                NoisyReplyBenchmark.pad(
                    NoisyReplyBenchmark.nominal(voice.speak(row.utterance(), mary, espeak, tmp))),
                random);
        Transcript t = NoisyReplyBenchmark.stream(asr, heard, RecognitionOptions.freeSpeech("en"));
        if (!t.isEmpty()) {
          lines.add(String.join("\t", "en", row.campaign().code(), row.label().code(), t.text()));
        }
      }
    }
    Files.write(out, lines, StandardCharsets.UTF_8);
    System.exit(0);
  }
}
