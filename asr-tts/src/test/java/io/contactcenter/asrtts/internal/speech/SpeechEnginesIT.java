package io.contactcenter.asrtts.internal.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.contactcenter.asrtts.AudioClip;
import io.contactcenter.asrtts.AudioEncoding;
import io.contactcenter.asrtts.PromptTemplate;
import io.contactcenter.asrtts.RecognitionListener;
import io.contactcenter.asrtts.RecognitionOptions;
import io.contactcenter.asrtts.RecognitionStream;
import io.contactcenter.asrtts.SynthesizedSpeech;
import io.contactcenter.asrtts.Transcript;
import io.contactcenter.common.G711;
import io.contactcenter.common.SpokenYesNo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The voice path with the real engines: MaryTTS speaks, the audio goes to telephony's 8 kHz, and
 * Vosk must hear the same words.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpeechEnginesIT {

  @TempDir static Path temp;
  private VoskModels models;
  private VoskSpeechRecognizer recognizer;
  private MaryTtsSpeechSynthesizer synthesizer;

  @BeforeAll
  void startEngines() {
    SpeechProperties properties = SpeechProperties.defaults();
    models = new VoskModels(properties, getClass().getClassLoader());
    recognizer = new VoskSpeechRecognizer(models, properties);
    synthesizer = new MaryTtsSpeechSynthesizer(temp.resolve("tts"), "cmu-slt-hsmm", 64);
  }

  @AfterAll
  void stopEngines() {
    models.close();
  }

  static final List<String> SENTENCES =
      List.of(
          "please call me back tomorrow",
          "I would like to cancel my order",
          "the package arrived yesterday afternoon",
          "yes that is correct");

  @Test
  void whatMaryTtsSaysVoskHears() {
    int words = 0;
    int errors = 0;
    for (String sentence : SENTENCES) {
      SynthesizedSpeech speech = synthesizer.synthesize(sentence, null);

      Transcript transcript =
          SpeechRig.stream(recognizer, speech.pcm16le8k(), RecognitionOptions.freeSpeech("en"));

      int n = SpeechRig.words(sentence).size();
      double wer = SpeechRig.wer(sentence, transcript.text());
      words += n;
      errors += (int) Math.round(wer * n);
      System.out.printf("WER %.2f  said '%s'  heard '%s'%n", wer, sentence, transcript.text());
      assertThat(transcript.words()).isNotEmpty();
      // The speech starts 1 s into the stream.
      assertThat(transcript.words().getFirst().start())
          .isBetween(Duration.ofMillis(900), Duration.ofMillis(1500));
      assertThat(transcript.confidence()).isBetween(0.0, 1.0);
    }
    double wer = (double) errors / words;
    System.out.printf("WER over %d sentences (%d words): %.3f%n", SENTENCES.size(), words, wer);
    // The small model on 8 kHz synthetic speech: at least 80% of the words come back.
    assertThat(wer).isLessThanOrEqualTo(0.2);
    assertThat(
            SpeechRig.wer(
                SENTENCES.getFirst(),
                SpeechRig.stream(
                        recognizer,
                        synthesizer.synthesize(SENTENCES.getFirst(), null).pcm16le8k(),
                        RecognitionOptions.freeSpeech("en"))
                    .text()))
        .isZero();
  }

  @Test
  void aReusedRecognizerHearsAndTimesWordsLikeANewOne() {
    byte[] pcm = synthesizer.synthesize("please call me back tomorrow", null).pcm16le8k();
    Transcript first = SpeechRig.stream(recognizer, pcm, RecognitionOptions.freeSpeech("en"));
    // A caller who hangs up mid-sentence: the recognizer goes back to the pool unfinished.
    try (RecognitionStream stream = recognizer.open(RecognitionOptions.freeSpeech("en"))) {
      for (int at = 0; at + 320 <= pcm.length / 2; at += 320) {
        stream.accept(Arrays.copyOfRange(pcm, at, at + 320), AudioEncoding.PCM16_8K);
      }
    }
    assertThat(models.decoders().idleCount()).isPositive();
    for (int i = 0; i < 3; i++) {
      Transcript again = SpeechRig.stream(recognizer, pcm, RecognitionOptions.freeSpeech("en"));

      assertThat(again.text()).isEqualTo("please call me back tomorrow");
      for (int w = 0; w < again.words().size(); w++) {
        assertThat(again.words().get(w).start())
            .isBetween(
                first.words().get(w).start().minusMillis(60),
                first.words().get(w).start().plusMillis(60));
      }
    }
  }

  @Test
  void hearsG711AsWellAsPcm() {
    short[] pcm =
        Signals.shorts(synthesizer.synthesize("please call me back tomorrow", null).pcm16le8k());
    byte[] ulaw = new byte[pcm.length + 8000];
    byte[] alaw = new byte[pcm.length + 8000];
    Arrays.fill(ulaw, (byte) 0xFF);
    Arrays.fill(alaw, (byte) 0xD5);
    for (int i = 0; i < pcm.length; i++) {
      ulaw[i] = G711.linearToUlaw(pcm[i]);
      alaw[i] = G711.linearToAlaw(pcm[i]);
    }
    for (AudioEncoding encoding : List.of(AudioEncoding.ULAW_8K, AudioEncoding.ALAW_8K)) {
      byte[] audio = encoding == AudioEncoding.ULAW_8K ? ulaw : alaw;
      try (RecognitionStream stream = recognizer.open(RecognitionOptions.freeSpeech("en"))) {
        for (int at = 0; at < audio.length; at += 160) {
          stream.accept(Arrays.copyOfRange(audio, at, Math.min(audio.length, at + 160)), encoding);
        }
        assertThat(stream.finish().text())
            .as("%s", encoding)
            .isEqualTo("please call me back tomorrow");
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"yes that's right, YES", "yeah, YES", "no it's not, NO", "no that's wrong, NO"})
  void aClearReadBackAnswerHeardWithAlternativesIsASureYesOrANo(
      String said, SpokenYesNo.Answer expected) {
    SynthesizedSpeech speech = synthesizer.synthesize(said, null);

    // As the IVR hears a read-back's answer: its grammar and 5 alternatives (ADR 0050 addendum).
    Transcript heard =
        SpeechRig.stream(
            recognizer,
            speech.pcm16le8k(),
            RecognitionOptions.grammar("en", SpokenYesNo.grammar("en")).withAlternatives(5));

    assertThat(heard.alternatives()).isNotEmpty();
    assertThat(heard.sharesByText().values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(1.0, within(1e-9));
    assertThat(SpokenYesNo.parse(heard.text(), heard.sharesByText(), NumberTask.MIN_YES_SHARE))
        .as("heard '%s' as %s", said, heard.sharesByText())
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"4711", "123456", "9080"})
  void aDigitGrammarHearsExactDigits(String digits) {
    SynthesizedSpeech speech = synthesizer.synthesize(SpeechRig.spoken(digits), null);

    Transcript transcript =
        SpeechRig.stream(
            recognizer,
            speech.pcm16le8k(),
            RecognitionOptions.grammar("en", SpeechRig.DIGIT_GRAMMAR));

    assertThat(SpeechRig.digitsOf(transcript.text())).isEqualTo(digits);
  }

  @Test
  void digitAccuracyWithAndWithoutGrammar() {
    List<String> strings = SpeechRig.randomDigitStrings(30, 42);
    int digits = 0;
    int freeErrors = 0;
    int grammarErrors = 0;
    int freeExact = 0;
    int grammarExact = 0;
    for (String s : strings) {
      byte[] pcm = synthesizer.synthesize(SpeechRig.spoken(s), null).pcm16le8k();
      String free =
          SpeechRig.digitsOf(
              SpeechRig.stream(recognizer, pcm, RecognitionOptions.freeSpeech("en")).text());
      String grammar =
          SpeechRig.digitsOf(
              SpeechRig.stream(
                      recognizer, pcm, RecognitionOptions.grammar("en", SpeechRig.DIGIT_GRAMMAR))
                  .text());
      digits += s.length();
      freeErrors += SpeechRig.editDistance(SpeechRig.chars(s), SpeechRig.chars(free));
      grammarErrors += SpeechRig.editDistance(SpeechRig.chars(s), SpeechRig.chars(grammar));
      freeExact += s.equals(free) ? 1 : 0;
      grammarExact += s.equals(grammar) ? 1 : 0;
    }
    double free = 1 - (double) freeErrors / digits;
    double grammar = 1 - (double) grammarErrors / digits;
    System.out.printf(
        "digit accuracy over %d strings (%d digits): free %.1f%% (%d exact), grammar %.1f%% (%d"
            + " exact)%n",
        strings.size(), digits, 100 * free, freeExact, 100 * grammar, grammarExact);
    assertThat(grammar).isGreaterThanOrEqualTo(0.97);
    assertThat(grammar).isGreaterThanOrEqualTo(free);
  }

  @Test
  void silenceIsAnEmptyTranscriptAndNeverReachesVosk() {
    try (RecognitionStream stream = recognizer.open(RecognitionOptions.freeSpeech("en"))) {
      for (int i = 0; i < 250; i++) {
        stream.accept(new byte[320], AudioEncoding.PCM16_8K);
      }
      assertThat(((VoskRecognitionStream) stream).decodedFrames()).isZero();
      Transcript transcript = stream.finish();
      assertThat(transcript.text()).isEmpty();
      assertThat(transcript.words()).isEmpty();
      assertThat(transcript.audioDuration()).isEqualTo(Duration.ofSeconds(5));
    }
    assertThat(
            recognizer
                .transcribe(
                    new AudioClip(new byte[32000], 16000), RecognitionOptions.freeSpeech("en"))
                .isEmpty())
        .isTrue();
  }

  @Test
  void endsTheUtteranceAfterTrailingSilenceAndReportsToTheListener() {
    byte[] speech = synthesizer.synthesize("please call me back tomorrow", null).pcm16le8k();
    byte[] audio = new byte[2 * 16000 + speech.length + 5 * 16000];
    System.arraycopy(speech, 0, audio, 2 * 16000, speech.length);
    List<String> partials = new ArrayList<>();
    List<Transcript> ends = new ArrayList<>();
    RecognitionListener listener =
        new RecognitionListener() {
          @Override
          public void onPartial(String text) {
            partials.add(text);
          }

          @Override
          public void onEndOfSpeech(Transcript transcript) {
            ends.add(transcript);
          }
        };
    try (RecognitionStream stream =
        recognizer.open(RecognitionOptions.freeSpeech("en"), listener)) {
      int fed = 0;
      while (fed < audio.length && !stream.endOfSpeech()) {
        stream.accept(Arrays.copyOfRange(audio, fed, fed + 320), AudioEncoding.PCM16_8K);
        fed += 320;
      }
      int totalFrames = audio.length / 320;
      int fedFrames = fed / 320;
      long decoded = ((VoskRecognitionStream) stream).decodedFrames();

      assertThat(stream.endOfSpeech()).isTrue();
      // Ended 700 ms after the speech, long before the 5 s of silence were over.
      assertThat(fedFrames).isLessThan(totalFrames - 150);
      // The 2 s of silence before the speech were not decoded, bar the 300 ms pre-roll.
      assertThat(decoded).isLessThanOrEqualTo(fedFrames - 100 + 15);
      assertThat(ends).hasSize(1);
      assertThat(ends.getFirst().text()).isEqualTo("please call me back tomorrow");
      assertThat(ends.getFirst().words().getFirst().start())
          .isBetween(Duration.ofMillis(1900), Duration.ofMillis(2500));
      assertThat(partials).isNotEmpty().allMatch(p -> "please call me back tomorrow".startsWith(p));
      assertThat(stream.finish()).isSameAs(ends.getFirst());
    }
  }

  /**
   * A clip cut tight around the speech, as API clients and barge-in hand it over: the first and the
   * last word must survive (the decoder once got no leading context and dropped "yes").
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "yes please sign me up",
        "please call me back tomorrow",
        "no thanks I already paid"
      })
  void aClipCutTightAroundTheSpeechKeepsItsFirstAndLastWord(String sentence) {
    short[] speech = Signals.shorts(synthesizer.synthesize(sentence, null).pcm16le8k());
    int first = 0;
    while (first < speech.length && Math.abs(speech[first]) < 500) {
      first++;
    }
    int last = speech.length - 1;
    while (last > first && Math.abs(speech[last]) < 500) {
      last--;
    }
    short[] tight = Arrays.copyOfRange(speech, first, last + 1);
    short[] roomy = Signals.concat(Signals.silence(8000, 1), tight, Signals.silence(8000, 1));

    Transcript transcript =
        recognizer.transcribe(
            new AudioClip(Signals.bytes(tight), 8000), RecognitionOptions.freeSpeech("en"));
    Transcript withSilence =
        recognizer.transcribe(
            new AudioClip(Signals.bytes(roomy), 8000), RecognitionOptions.freeSpeech("en"));

    List<String> heard = SpeechRig.words(transcript.text());
    List<String> heardWithSilence = SpeechRig.words(withSilence.text());
    System.out.printf(
        "tight clip: said '%s' heard '%s', with silence around it '%s'%n",
        sentence, transcript.text(), withSilence.text());
    // The first and last word survive the tight cut: as said, or as the same speech with a second
    // of silence either side is heard (the recognizer may mishear a word either way; ADR 0022 says
    // why the roomy clip's last word can differ since the VAD follows the line's floor).
    List<String> said = SpeechRig.words(sentence);
    assertThat(heard).isNotEmpty();
    assertThat(heard.getFirst()).isIn(said.getFirst(), heardWithSilence.getFirst());
    assertThat(heard.getLast()).isIn(said.getLast(), heardWithSilence.getLast());
    assertThat(SpeechRig.wer(sentence, transcript.text())).isLessThanOrEqualTo(0.4);
    assertThat(transcript.words().getFirst().start()).isLessThan(Duration.ofMillis(300));
  }

  @Test
  void cutsAtTheMaximumUtterance() {
    byte[] speech =
        synthesizer
            .synthesize("one two three four five six seven eight nine ten eleven twelve", null)
            .pcm16le8k();
    RecognitionOptions options =
        RecognitionOptions.freeSpeech("en").withTimings(null, Duration.ofSeconds(2));
    try (RecognitionStream stream = recognizer.open(options)) {
      int fed = 0;
      while (fed < speech.length && !stream.endOfSpeech()) {
        stream.accept(
            Arrays.copyOfRange(speech, fed, Math.min(speech.length, fed + 320)),
            AudioEncoding.PCM16_8K);
        fed += 320;
      }
      assertThat(stream.endOfSpeech()).isTrue();
      assertThat(fed).isLessThan(speech.length);
      Transcript transcript = stream.finish();
      assertThat(transcript.text()).startsWith("one two").doesNotContain("twelve");
    }
  }

  @Test
  void speaksPromptTemplatesSoTheyAreUnderstood() {
    String text =
        PromptTemplate.of("your delivery comes on {d:date} at {t:time}")
            .render(Map.of("d", "2026-11-30", "t", "18:30"));

    Transcript transcript =
        recognizer.transcribe(
            synthesizer.synthesize(text, null).toClip(), RecognitionOptions.freeSpeech("en"));

    System.out.printf("prompt '%s' heard as '%s'%n", text, transcript.text());
    assertThat(transcript.text()).contains("monday").contains("november").contains("six thirty");
  }

  @Test
  void theCacheReturnsTheSameAudioFasterAndSurvivesARestart() throws IOException {
    Path dir = temp.resolve("cache-test");
    MaryTtsSpeechSynthesizer first = new MaryTtsSpeechSynthesizer(dir, "cmu-slt-hsmm", 8);
    String text = "your parcel is on its way";

    long t0 = System.nanoTime();
    SynthesizedSpeech rendered = first.synthesize(text, null);
    long renderNanos = System.nanoTime() - t0;
    long t1 = System.nanoTime();
    SynthesizedSpeech cached = first.synthesize(text, "cmu-slt-hsmm");
    long cachedNanos = System.nanoTime() - t1;

    assertThat(rendered.cached()).isFalse();
    assertThat(cached.cached()).isTrue();
    assertThat(cached.pcm16le8k()).isEqualTo(rendered.pcm16le8k());
    assertThat(cachedNanos * 10).isLessThan(renderNanos);
    assertThat(rendered.duration()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(4));

    SynthesizedSpeech afterRestart =
        new MaryTtsSpeechSynthesizer(dir, "cmu-slt-hsmm", 8).synthesize(text, null);
    assertThat(afterRestart.cached()).isTrue();
    assertThat(afterRestart.pcm16le8k()).isEqualTo(rendered.pcm16le8k());

    Path wav = first.synthesizeToWav(text, null);
    assertThat(wav.getFileName().toString())
        .isEqualTo(MaryTtsSpeechSynthesizer.key("cmu-slt-hsmm", text) + ".wav");
    AudioClip clip = AudioClip.fromWav(Files.readAllBytes(wav));
    assertThat(clip.sampleRate()).isEqualTo(8000);
    assertThat(clip.pcm16le()).isEqualTo(rendered.pcm16le8k());
    assertThat(rendered.toWav()).isEqualTo(Files.readAllBytes(wav));
  }

  @Test
  void twoEnginesSpeakAtOnceWithTheSameAudioAsOneAndATextIsSynthesizedOnce() throws Exception {
    List<String> texts =
        List.of(
            "Hi Li Lei, the final payment for your pre-order is due by Monday.",
            "Hi Han Meimei, your parcel will arrive on Friday afternoon.",
            "Your coupon of fifty yuan expires at the end of the month.",
            "Please hold while we connect you to our customer care team.");
    MaryTtsSpeechSynthesizer one =
        new MaryTtsSpeechSynthesizer(temp.resolve("one-engine"), "cmu-slt-hsmm", 8, 1);
    Map<String, byte[]> alone = new HashMap<>();
    for (String text : texts) {
      alone.put(text, one.synthesize(text, null).pcm16le8k());
    }

    MaryTtsSpeechSynthesizer two =
        new MaryTtsSpeechSynthesizer(temp.resolve("two-engines"), "cmu-slt-hsmm", 8, 2);
    List<String> asked = new ArrayList<>(texts);
    asked.add(texts.getFirst()); // asked twice at once: a call and its prerendering
    Map<Integer, Future<byte[]>> results = new HashMap<>();
    try (ExecutorService callers = Executors.newFixedThreadPool(asked.size())) {
      for (int i = 0; i < asked.size(); i++) {
        String text = asked.get(i);
        results.put(i, callers.submit(() -> two.synthesize(text, null).pcm16le8k()));
      }
      for (int i = 0; i < asked.size(); i++) {
        assertThat(results.get(i).get(2, TimeUnit.MINUTES))
            .as("audio of '%s'", asked.get(i))
            .isEqualTo(alone.get(asked.get(i)));
      }
    }
    assertThat(two.enginesStarted()).isEqualTo(2);
    assertThat(two.renders()).as("each text synthesized once").isEqualTo(texts.size());
  }

  /**
   * MaryTTS has no Chinese voice: a Chinese text is spoken by espeak-ng's Mandarin voice, at the
   * telephone's 8 kHz, as long as the text asks, and from the cache the second time. (No Chinese
   * recognizer exists here to check the words; the length and the VAD are what can be checked.)
   */
  @Test
  void speaksChineseWithTheMandarinVoiceAndCachesIt() {
    String shortText = "您好";
    String longText = "您好，这里是安心商城。您的订单尾款一千二百九十九元五角，请在十一月三十日前支付。";

    assertThat(synthesizer.voiceFor(longText, null)).isEqualTo("espeak-ng:cmn");
    assertThat(synthesizer.voiceFor("hello", null)).isEqualTo("cmu-slt-hsmm");
    SynthesizedSpeech hello = synthesizer.synthesize(shortText, null);
    SynthesizedSpeech reminder = synthesizer.synthesize(longText, null);

    assertThat(reminder.cached()).isFalse();
    assertThat(hello.duration()).isBetween(Duration.ofMillis(300), Duration.ofSeconds(2));
    // About 40 syllables: several seconds, many times the greeting.
    assertThat(reminder.duration()).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(20));
    assertThat(reminder.duration().toMillis()).isGreaterThan(4 * hello.duration().toMillis());
    try (RecognitionStream stream = recognizer.open(RecognitionOptions.freeSpeech("en"))) {
      byte[] pcm = reminder.pcm16le8k();
      for (int at = 0; at + 320 <= pcm.length; at += 320) {
        stream.accept(Arrays.copyOfRange(pcm, at, at + 320), AudioEncoding.PCM16_8K);
      }
      assertThat(((VoskRecognitionStream) stream).decodedFrames())
          .as("the voice activity detector hears speech")
          .isPositive();
    }
    assertThat(synthesizer.synthesize(longText, null).cached()).isTrue();
    assertThat(synthesizer.voices()).contains("espeak-ng:cmn", "cmu-slt-hsmm");
  }

  @Test
  void refusesAnUnknownVoiceNamingTheInstalledOnes() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> synthesizer.synthesize("hello", "no-such-voice"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no-such-voice")
        .hasMessageContaining("cmu-slt-hsmm");
  }

  @Test
  void loadsThePackagedModelFromAJar() throws IOException {
    // The module jar's layout, built from the unpacked classes: what a fat jar holds.
    Path classes = Path.of(getClass().getClassLoader().getResource("vosk-models/").getPath());
    Path jar = temp.resolve("model.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new JarEntry("vosk-models/" + classes.relativize(file)));
        try (InputStream in = Files.newInputStream(file)) {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    }
    SpeechProperties properties =
        new SpeechProperties(
            null,
            temp.resolve("model-cache"),
            temp.resolve("tts"),
            "cmu-slt-hsmm",
            8,
            org.springframework.util.unit.DataSize.ofMegabytes(10),
            Duration.ofSeconds(120),
            -55,
            10,
            Duration.ofMillis(700),
            Duration.ofSeconds(15),
            false,
            SpeechProperties.Decoding.defaults(),
            0,
            SpeechProperties.DEFAULT_CHINESE_VOICE,
            SpeechProperties.defaults().noiseSuppressionFloor());
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
        VoskModels fromJar = new VoskModels(properties, loader)) {
      Transcript transcript =
          new VoskSpeechRecognizer(fromJar, properties)
              .transcribe(
                  synthesizer.synthesize("please call me back tomorrow", null).toClip(),
                  RecognitionOptions.freeSpeech("en"));

      assertThat(transcript.text()).isEqualTo("please call me back tomorrow");
      try (Stream<Path> copies = Files.list(temp.resolve("model-cache"))) {
        assertThat(copies.map(p -> p.getFileName().toString()))
            .singleElement()
            .asString()
            .startsWith("en-");
      }
    }
  }
}
