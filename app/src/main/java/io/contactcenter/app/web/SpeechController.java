package io.contactcenter.app.web;

import io.contactcenter.asrtts.AudioClip;
import io.contactcenter.asrtts.RecognitionOptions;
import io.contactcenter.asrtts.ReplyClassification;
import io.contactcenter.asrtts.ReplyClassifier;
import io.contactcenter.asrtts.ReplyLanguage;
import io.contactcenter.asrtts.ReplyRequest;
import io.contactcenter.asrtts.SpeechRecognizer;
import io.contactcenter.asrtts.SpeechSynthesizer;
import io.contactcenter.asrtts.SynthesizedSpeech;
import io.contactcenter.asrtts.Transcript;
import io.contactcenter.common.CampaignType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Speech recognition, synthesis and reply-intent labels over HTTP (docs/api.md, /v3/api-docs). */
@RestController
@Tag(name = "speech", description = "Speech recognition, telephone speech synthesis, reply intents")
class SpeechController {

  private static final int MAX_SYNTHESIS_CHARS = 1000;

  private final SpeechRecognizer recognizer;
  private final SpeechSynthesizer synthesizer;
  private final ReplyClassifier classifier;

  SpeechController(
      SpeechRecognizer recognizer, SpeechSynthesizer synthesizer, ReplyClassifier classifier) {
    this.recognizer = recognizer;
    this.synthesizer = synthesizer;
    this.classifier = classifier;
  }

  /** A transcript as returned by the API; times in milliseconds. */
  record TranscriptBody(String text, double confidence, long durationMs, List<WordBody> words) {
    static TranscriptBody of(Transcript t) {
      return new TranscriptBody(
          t.text(),
          t.confidence(),
          t.audioDuration().toMillis(),
          t.words().stream()
              .map(
                  w ->
                      new WordBody(
                          w.word(), w.start().toMillis(), w.end().toMillis(), w.confidence()))
              .toList());
    }
  }

  record WordBody(String word, long startMs, long endMs, double confidence) {}

  record SynthesizeBody(String text, String voice) {}

  record ClassifyBody(String text, String lang, String campaignType) {}

  /**
   * What the robot can do in each language: {@code listens} has a recognition model; a language it
   * speaks but does not listen in takes answers by keys only.
   */
  record LanguagesBody(List<String> speaks, List<String> listens) {}

  record ClassificationBody(
      String label, double confidence, ZonedDateTime callbackAt, Map<String, Double> scores) {}

  @Operation(
      summary = "The languages the robot speaks and the ones it also listens in",
      description =
          "A language it speaks but does not listen in (Chinese until a Chinese recognition"
              + " model is configured) takes the callee's answers by keys only.")
  @org.springframework.web.bind.annotation.GetMapping("/api/v1/speech/languages")
  LanguagesBody languages() {
    return new LanguagesBody(
        List.of("en", "zh"), recognizer.languages().stream().sorted().toList());
  }

  @Operation(
      summary = "Transcribe a WAV recording",
      description =
          "WAV: PCM 16-bit, µ-law or A-law, mono or stereo, 8-48 kHz. Optional phrase list"
              + " (comma-separated) restricts recognition to expected answers. 400 for another"
              + " format or an unknown language, 413 over the size or duration limit; silence"
              + " gives an empty transcript.")
  @PostMapping(path = "/api/v1/speech/transcribe", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  TranscriptBody transcribe(
      @RequestPart("audio") MultipartFile audio,
      @RequestParam(name = "language", defaultValue = "en") String language,
      @RequestParam(name = "phrases", required = false) String phrases)
      throws IOException {
    List<String> phraseList =
        phrases == null || phrases.isBlank()
            ? List.of()
            : Arrays.stream(phrases.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    AudioClip clip = AudioClip.fromWav(audio.getBytes());
    return TranscriptBody.of(
        recognizer.transcribe(clip, new RecognitionOptions(language, phraseList, null, null)));
  }

  @Operation(
      summary = "Synthesize telephone speech",
      description =
          "Returns an 8 kHz 16-bit mono WAV. 400 for empty text or over 1000 characters, 422"
              + " when the text yields no speech.")
  @PostMapping(path = "/api/v1/speech/synthesize", produces = "audio/wav")
  ResponseEntity<byte[]> synthesize(@RequestBody SynthesizeBody body) {
    if (body == null || body.text() == null || body.text().isBlank()) {
      throw new IllegalArgumentException("text is empty");
    }
    if (body.text().length() > MAX_SYNTHESIS_CHARS) {
      throw new IllegalArgumentException(
          "text is longer than " + MAX_SYNTHESIS_CHARS + " characters");
    }
    SynthesizedSpeech speech = synthesizer.synthesize(body.text(), body.voice());
    if (speech.pcm16le8k().length == 0) {
      // An empty WAV would play as nothing and look like success.
      throw new NoAudioSynthesizedException(
          "the text yields no speech: it holds nothing the voice can say");
    }
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("audio/wav"))
        .body(speech.toWav());
  }

  @Operation(
      summary = "Label a callee's reply",
      description =
          "lang: en or zh (omit to detect); campaignType: balance, delay, reactivate or any."
              + " Returns the label, its confidence and, when the callee named one, the time to"
              + " call back.")
  @PostMapping("/api/v1/intents/classify")
  ClassificationBody classify(@RequestBody ClassifyBody body) {
    if (body == null) {
      throw new IllegalArgumentException("text is empty");
    }
    ReplyClassification result =
        classifier.classify(
            new ReplyRequest(
                body.text(),
                body.lang() == null || body.lang().isBlank()
                    ? null
                    : ReplyLanguage.fromCode(body.lang()),
                body.campaignType() == null || body.campaignType().isBlank()
                    ? null
                    : CampaignType.fromCode(body.campaignType()),
                null));
    return new ClassificationBody(
        result.label().code(),
        result.confidence(),
        result.callbackAt().orElse(null),
        result.scores().entrySet().stream()
            .collect(Collectors.toMap(e -> e.getKey().code(), Map.Entry::getValue)));
  }
}
