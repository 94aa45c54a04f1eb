package io.contactcenter.asrtts.internal.speech;

import io.contactcenter.asrtts.RecognitionOptions;
import io.contactcenter.asrtts.SpeechRecognizer;
import io.contactcenter.asrtts.Transcript;
import io.contactcenter.common.SpokenYesNo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Answers to a read-back alone, many of them, for choosing how surely a spoken yes must be heard
 * (ADR 0050 addendum): every phrase of {@link NumberTask#CALLER_YES} and {@link
 * NumberTask#CALLER_NO}, said by a voice on {@code lines} lines of their own, recognized with the
 * IVR's read-back grammar twice: with Vosk's word confidences (alternatives 0, as the IVR listens)
 * and with 5 alternatives. One TSV row per answer; the number task itself is too small (14 spoken
 * read-backs on the tune part in run 6) to choose a threshold on.
 */
final class ReadBackAnswers {

  static final String HEADER =
      "part\tvoice\tline\tsaid\ttruth\theard\tconfidence\tword_confidences\tanswer"
          + "\theard_nbest\tconfidence_nbest\tanswer_nbest\tyes_share\tno_share\tdistinct_texts\talternatives";

  private ReadBackAnswers() {}

  /** Rows for one voice of one part. */
  static List<String> sweep(
      SpeechRecognizer asr,
      String part,
      String voice,
      Function<String, short[]> speak,
      int lines,
      long seed) {
    List<String> rows = new ArrayList<>();
    Map<String, short[]> voiced = new HashMap<>();
    List<String> phrases = new ArrayList<>(NumberTask.CALLER_YES);
    phrases.addAll(NumberTask.CALLER_NO);
    for (String said : phrases) {
      boolean yes = NumberTask.CALLER_YES.contains(said);
      short[] speech = voiced.computeIfAbsent(said, speak);
      for (int i = 0; i < lines; i++) {
        Random random = new Random(seed * 53 + (voice + "|" + said + "|" + i).hashCode());
        TelephoneChannel line = NoisyReplyBenchmark.draw(random);
        short[] heard = line.carry(NoisyReplyBenchmark.pad(speech), random);
        Transcript plain =
            NoisyReplyBenchmark.stream(
                asr, heard, RecognitionOptions.grammar("en", NumberTask.AFTER_GRAMMAR));
        Transcript nbest =
            NoisyReplyBenchmark.stream(
                asr,
                heard,
                RecognitionOptions.grammar("en", NumberTask.AFTER_GRAMMAR).withAlternatives(5));
        List<Double> shares = nbest.alternativeShares();
        double yesShare = 0;
        double noShare = 0;
        for (int a = 0; a < shares.size(); a++) {
          SpokenYesNo.Answer answer = SpokenYesNo.parse(nbest.alternatives().get(a).text());
          yesShare += answer == SpokenYesNo.Answer.YES ? shares.get(a) : 0;
          noShare += answer == SpokenYesNo.Answer.NO ? shares.get(a) : 0;
        }
        rows.add(
            String.join(
                "\t",
                part,
                voice,
                line.describe(),
                said,
                yes ? "yes" : "no",
                plain.text(),
                String.format(Locale.ROOT, "%.4f", plain.confidence()),
                plain.words().stream()
                    .map(w -> String.format(Locale.ROOT, "%s:%.4f", w.word(), w.confidence()))
                    .collect(Collectors.joining(" ")),
                SpokenYesNo.parse(plain.text()).name(),
                nbest.text(),
                String.format(Locale.ROOT, "%.4f", nbest.confidence()),
                SpokenYesNo.parse(nbest.text()).name(),
                String.format(Locale.ROOT, "%.4f", yesShare),
                String.format(Locale.ROOT, "%.4f", noShare),
                Integer.toString(nbest.sharesByText().size()),
                nbest.alternatives().stream()
                    .map(a -> String.format(Locale.ROOT, "%s:%.2f", a.text(), a.score()))
                    .collect(Collectors.joining("|"))));
      }
    }
    return rows;
  }
}
