package io.contactcenter.asrtts.internal.speech;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.asrtts.AudioEncoding;
import io.contactcenter.asrtts.IntentLabel;
import io.contactcenter.asrtts.ReplyClassification;
import io.contactcenter.asrtts.ReplyClassifier;
import io.contactcenter.asrtts.ReplyLanguage;
import io.contactcenter.asrtts.ReplyRequest;
import io.contactcenter.common.CampaignType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * A labelling variant measured by {@link NoisyReplyBenchmark}: the recognizer's n best transcripts
 * of a reply (Vosk's lattice alternatives, each with its total score) are each labelled, and the
 * labels' scores are summed with weights from the alternatives' scores. Vosk gives alternatives
 * <em>instead of</em> word confidences, so this decodes a reply a second time, gated and padded
 * exactly as the robot's stream does; the CPU of that pass is counted apart.
 */
final class NbestReplies implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One transcript of the n best, with Vosk's score (a log-likelihood: higher is likelier). */
  record Alternative(String text, double score) {}

  /** The labels of a reply's n best, combined. */
  record Vote(IntentLabel label, double share, Map<IntentLabel, Double> shares) {}

  private final Recognizer recognizer;
  private final SpeechProperties properties;

  NbestReplies(Model model, SpeechProperties properties, int alternatives) {
    this.properties = properties;
    try {
      this.recognizer = new Recognizer(model, VoskDecoder.SAMPLE_RATE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    recognizer.setMaxAlternatives(alternatives);
    recognizer.setWords(true);
  }

  /** The n best transcripts of 8 kHz audio streamed in 20 ms frames, best first. */
  List<Alternative> recognize(short[] audio) {
    List<List<Alternative>> segments = new ArrayList<>();
    Decoder capturing =
        new Decoder() {
          @Override
          public boolean accept(short[] samples, int length) {
            return recognizer.acceptWaveForm(samples, length);
          }

          @Override
          public String result() {
            String json = recognizer.getResult();
            segments.add(parse(json));
            return "{}";
          }

          @Override
          public String partialResult() {
            return recognizer.getPartialResult();
          }

          @Override
          public String finalResult() {
            String json = recognizer.getFinalResult();
            segments.add(parse(json));
            return "{}";
          }

          @Override
          public void close() {}
        };
    byte[] pcm = VoskSpeechRecognizer.toBytes(audio);
    try (VoskRecognitionStream stream =
        new VoskRecognitionStream(
            () -> capturing,
            new AdaptiveVoiceActivityDetector(
                properties.vadThreshold(), properties.vadNoiseMargin()),
            null,
            properties.trailingSilence(),
            properties.maxUtterance(),
            Duration.ofMinutes(5))) {
      for (int at = 0; at < pcm.length && !stream.endOfSpeech(); at += 320) {
        stream.accept(
            java.util.Arrays.copyOfRange(pcm, at, Math.min(pcm.length, at + 320)),
            AudioEncoding.PCM16_8K);
      }
      stream.finish();
    }
    // Earlier segments (an endpoint Vosk found inside the reply) contribute their best text.
    StringBuilder prefix = new StringBuilder();
    List<Alternative> last = List.of();
    for (int i = 0; i < segments.size(); i++) {
      List<Alternative> s = segments.get(i);
      if (i < segments.size() - 1) {
        if (!s.isEmpty() && !s.get(0).text().isEmpty()) {
          prefix.append(s.get(0).text()).append(' ');
        }
      } else {
        last = s;
      }
    }
    List<Alternative> out = new ArrayList<>();
    for (Alternative a : last) {
      out.add(new Alternative((prefix + a.text()).strip(), a.score()));
    }
    if (out.isEmpty() && !prefix.isEmpty()) {
      out.add(new Alternative(prefix.toString().strip(), 0));
    }
    return out;
  }

  private static List<Alternative> parse(String json) {
    try {
      List<Alternative> out = new ArrayList<>();
      for (JsonNode a : JSON.readTree(json).path("alternatives")) {
        String text =
            a.path("text").asText("").replace("[unk]", "").strip().replaceAll("\\s+", " ");
        out.add(new Alternative(text, a.path("confidence").asDouble()));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Labels every alternative and sums the label scores, each alternative weighted by {@code
   * exp(scale * (score - best score))}; an empty alternative votes {@code unknown}.
   */
  static Vote vote(
      List<Alternative> alternatives,
      double scale,
      ReplyClassifier classifier,
      CampaignType campaign) {
    Map<IntentLabel, Double> shares = new EnumMap<>(IntentLabel.class);
    if (alternatives.isEmpty()) {
      return new Vote(IntentLabel.UNKNOWN, 0, shares);
    }
    double best = alternatives.get(0).score();
    for (Alternative a : alternatives) {
      best = Math.max(best, a.score());
    }
    double total = 0;
    for (Alternative a : alternatives) {
      double w = Math.exp(scale * (a.score() - best));
      total += w;
      if (a.text().isEmpty()) {
        shares.merge(IntentLabel.UNKNOWN, w, Double::sum);
        continue;
      }
      ReplyClassification c =
          classifier.classify(new ReplyRequest(a.text(), ReplyLanguage.EN, campaign, null));
      // The classifier's probabilities (unknown among them), weighted by the alternative's.
      for (Map.Entry<IntentLabel, Double> e : c.scores().entrySet()) {
        shares.merge(e.getKey(), w * e.getValue(), Double::sum);
      }
    }
    IntentLabel top = IntentLabel.UNKNOWN;
    double topShare = -1;
    for (Map.Entry<IntentLabel, Double> e : shares.entrySet()) {
      e.setValue(e.getValue() / total);
      if (e.getValue() > topShare) {
        top = e.getKey();
        topShare = e.getValue();
      }
    }
    return new Vote(top, topShare, shares);
  }

  @Override
  public void close() {
    recognizer.close();
  }
}
