package io.contactcenter.asrtts.internal.speech;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactcenter.asrtts.Transcript;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A segment Vosk decoded with n-best alternatives: the alternatives, and the best one's words, each
 * with the share of the alternatives' weight that holds it as its confidence (Vosk gives none).
 */
record NBestSegment(List<Transcript.Alternative> alternatives, List<Transcript.Word> words) {

  /**
   * Reads the {@code alternatives} array of a Vosk result; {@code offset} moves word times as in
   * {@link VoskRecognitionStream#word}.
   */
  static NBestSegment parse(JsonNode alternatives, double offset) {
    List<Transcript.Alternative> segment = new ArrayList<>();
    List<Set<String>> wordsOf = new ArrayList<>();
    for (JsonNode a : alternatives) {
      String said = a.path("text").asText("").replace("[unk]", "").strip().replaceAll("\\s+", " ");
      segment.add(new Transcript.Alternative(said, a.path("confidence").asDouble()));
      wordsOf.add(said.isEmpty() ? Set.of() : Set.copyOf(List.of(said.split(" "))));
    }
    if (segment.isEmpty()) {
      return new NBestSegment(segment, List.of());
    }
    List<Double> shares = Transcript.Alternative.shares(segment, Transcript.SCORE_SCALE);
    List<Transcript.Word> words = new ArrayList<>();
    for (JsonNode w : alternatives.get(0).path("result")) {
      String word = w.path("word").asText();
      double agreement = 0;
      for (int i = 0; i < segment.size(); i++) {
        if (wordsOf.get(i).contains(word)) {
          agreement += shares.get(i);
        }
      }
      VoskRecognitionStream.word(w, offset, agreement).ifPresent(words::add);
    }
    return new NBestSegment(segment, words);
  }
}
