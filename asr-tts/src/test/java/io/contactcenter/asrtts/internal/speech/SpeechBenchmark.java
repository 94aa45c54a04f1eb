package io.contactcenter.asrtts.internal.speech;

import io.contactcenter.asrtts.AudioEncoding;
import io.contactcenter.asrtts.RecognitionOptions;
import io.contactcenter.asrtts.RecognitionStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures the speech engines on this machine and writes target/benchmark.txt: ASR CPU per audio
 * second (free speech and digit grammar, and for silence), digit accuracy, memory per model and per
 * recognizer, TTS latency cold and cached. Run from asr-tts after {@code mvn test-compile}: {@code
 * java -cp target/test-classes:target/classes:$(cat cp.txt)
 * io.contactcenter.asrtts.internal.speech.SpeechBenchmark [output-file]}.
 */
public final class SpeechBenchmark {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private SpeechBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path output = Path.of(args.length > 0 ? args[0] : "target/benchmark.txt");
    Path tmp = Files.createTempDirectory("cc-speech-benchmark");
    List<String> lines = new ArrayList<>();
    lines.add("# asr-tts speech benchmark");
    lines.add(
        String.format(
            Locale.ROOT,
            "machine: %d cores, Java %s, %s",
            Runtime.getRuntime().availableProcessors(),
            Runtime.version(),
            System.getProperty("os.name")));

    MaryTtsSpeechSynthesizer tts =
        new MaryTtsSpeechSynthesizer(tmp.resolve("tts"), "cmu-slt-hsmm", 256);
    long t = System.nanoTime();
    tts.voices();
    lines.add(String.format(Locale.ROOT, "MaryTTS start-up: %d ms", ms(t)));

    // TTS latency: cold (rendered) vs cached (memory) vs disk (new instance).
    List<String> prompts =
        List.of(
            "Hello, this is a reminder about your order.",
            "Your parcel will arrive on Monday, November thirtieth.",
            "Press one to confirm, or two to speak to an agent.",
            "Thank you for your call, goodbye.",
            "Your refund of twelve dollars and fifty cents has been approved.");
    tts.synthesize("warm up the JIT", null);
    double cold = 0;
    double cached = 0;
    double audioSeconds = 0;
    for (String p : prompts) {
      long c0 = System.nanoTime();
      var s = tts.synthesize(p, null);
      cold += ms(c0);
      audioSeconds += s.duration().toMillis() / 1000.0;
      long c1 = System.nanoTime();
      tts.synthesize(p, null);
      cached += (System.nanoTime() - c1) / 1e6;
    }
    MaryTtsSpeechSynthesizer fresh =
        new MaryTtsSpeechSynthesizer(tmp.resolve("tts"), "cmu-slt-hsmm", 256);
    double disk = 0;
    for (String p : prompts) {
      long c = System.nanoTime();
      fresh.synthesize(p, null);
      disk += (System.nanoTime() - c) / 1e6;
    }
    int n = prompts.size();
    lines.add(
        String.format(
            Locale.ROOT,
            "TTS latency per prompt (%.1f s of audio on average): cold %.0f ms (%.2f s per audio"
                + " second), cached in memory %.3f ms, cached on disk %.2f ms",
            audioSeconds / n,
            cold / n,
            cold / 1000 / audioSeconds,
            cached / n,
            disk / n));

    // Memory: the model and the recognizers live in native memory, so resident set size.
    SpeechProperties properties = SpeechProperties.defaults();
    System.gc();
    long rss0 = rssKb();
    VoskModels models = new VoskModels(properties, SpeechBenchmark.class.getClassLoader());
    t = System.nanoTime();
    models.model("en");
    long loadMs = ms(t);
    long rss1 = rssKb();
    lines.add(
        String.format(
            Locale.ROOT,
            "Vosk model en (small, 16 kHz): load %d ms, %d MB resident",
            loadMs,
            (rss1 - rss0) / 1024));
    VoskSpeechRecognizer asr = new VoskSpeechRecognizer(models, properties);
    byte[] speech = tts.synthesize("please call me back tomorrow", null).pcm16le8k();
    List<RecognitionStream> open = new ArrayList<>();
    int streams = 20;
    for (int i = 0; i < streams; i++) {
      RecognitionStream s = asr.open(RecognitionOptions.freeSpeech("en"));
      // Half a second of speech: the decoder exists from the onset and has allocated its state.
      for (int at = 0; at < 8000; at += 320) {
        s.accept(Arrays.copyOfRange(speech, 4000 + at, 4000 + at + 320), AudioEncoding.PCM16_8K);
      }
      open.add(s);
    }
    long rss2 = rssKb();
    open.forEach(RecognitionStream::close);
    lines.add(
        String.format(
            Locale.ROOT,
            "Vosk recognizer (one per call in speech): %.1f MB resident each (%d open)",
            (rss2 - rss1) / 1024.0 / streams,
            streams));

    // ASR CPU per audio second and digit accuracy.
    List<String> sentences = SpeechEnginesIT.SENTENCES;
    double[] free = cpuPerAudioSecond(asr, tts, sentences, RecognitionOptions.freeSpeech("en"));
    List<String> digitStrings = SpeechRig.randomDigitStrings(30, 42);
    List<String> spokenDigits = digitStrings.stream().map(SpeechRig::spoken).toList();
    double[] grammarCpu =
        cpuPerAudioSecond(
            asr, tts, spokenDigits, RecognitionOptions.grammar("en", SpeechRig.DIGIT_GRAMMAR));
    double[] freeDigitsCpu =
        cpuPerAudioSecond(asr, tts, spokenDigits, RecognitionOptions.freeSpeech("en"));
    lines.add(
        String.format(
            Locale.ROOT,
            "ASR CPU per audio second (speech only, 8 kHz in, one core, recognizers reused): free"
                + " speech %.3f s (sentences), free speech %.3f s (digits), digit grammar %.3f s",
            free[0],
            freeDigitsCpu[0],
            grammarCpu[0]));
    // The same with the pool off: a new recognizer per utterance, as on a busy server where more
    // calls speak at once than recognizers are kept idle.
    SpeechProperties noPool =
        new SpeechProperties(
            null,
            null,
            null,
            properties.defaultVoice(),
            8,
            properties.maxAudioBytes(),
            properties.maxAudioDuration(),
            properties.vadThreshold(),
            properties.vadNoiseMargin(),
            properties.trailingSilence(),
            properties.maxUtterance(),
            false,
            new SpeechProperties.Decoding(
                properties.decoder().beam(),
                properties.decoder().maxActive(),
                properties.decoder().latticeBeam(),
                0),
            0,
            SpeechProperties.DEFAULT_CHINESE_VOICE,
            SpeechProperties.defaults().noiseSuppressionFloor());
    try (VoskModels coldModels = new VoskModels(noPool, SpeechBenchmark.class.getClassLoader())) {
      VoskSpeechRecognizer unpooled = new VoskSpeechRecognizer(coldModels, noPool);
      double[] coldFree =
          cpuPerAudioSecond(unpooled, tts, sentences, RecognitionOptions.freeSpeech("en"));
      double[] coldDigits =
          cpuPerAudioSecond(unpooled, tts, spokenDigits, RecognitionOptions.freeSpeech("en"));
      double[] coldGrammar =
          cpuPerAudioSecond(
              unpooled,
              tts,
              spokenDigits,
              RecognitionOptions.grammar("en", SpeechRig.DIGIT_GRAMMAR));
      lines.add(
          String.format(
              Locale.ROOT,
              "ASR CPU per audio second with a new recognizer per utterance (idle-recognizers=0):"
                  + " free speech %.3f s (sentences), %.3f s (digits), digit grammar %.3f s",
              coldFree[0],
              coldDigits[0],
              coldGrammar[0]));
    }
    // A pooled recognizer's graph cache grows with what it has decoded: measure one fresh
    // recognizer warmed by every sentence and digit string above.
    models.close();
    models = new VoskModels(properties, SpeechBenchmark.class.getClassLoader());
    models.model("en");
    asr = new VoskSpeechRecognizer(models, properties);
    long rssCold = rssKb();
    cpuPerAudioSecond(asr, tts, sentences, RecognitionOptions.freeSpeech("en"));
    cpuPerAudioSecond(asr, tts, spokenDigits, RecognitionOptions.freeSpeech("en"));
    lines.add(
        String.format(
            Locale.ROOT,
            "one idle recognizer after %d utterances: %.1f MB resident",
            3 * (sentences.size() + spokenDigits.size()),
            (rssKb() - rssCold) / 1024.0));

    byte[] silence = new byte[60 * 16000];
    long c = THREADS.getCurrentThreadCpuTime();
    try (RecognitionStream s = asr.open(RecognitionOptions.freeSpeech("en"))) {
      for (int at = 0; at < silence.length; at += 320) {
        s.accept(Arrays.copyOfRange(silence, at, at + 320), AudioEncoding.PCM16_8K);
      }
      s.finish();
    }
    lines.add(
        String.format(
            Locale.ROOT,
            "ASR CPU per audio second of silence (VAD gate, nothing decoded): %.5f s",
            (THREADS.getCurrentThreadCpuTime() - c) / 1e9 / 60));

    int digits = 0;
    int freeErrors = 0;
    int grammarErrors = 0;
    int freeExact = 0;
    int grammarExact = 0;
    for (String s : digitStrings) {
      byte[] pcm = tts.synthesize(SpeechRig.spoken(s), null).pcm16le8k();
      String f =
          SpeechRig.digitsOf(
              SpeechRig.stream(asr, pcm, RecognitionOptions.freeSpeech("en")).text());
      String g =
          SpeechRig.digitsOf(
              SpeechRig.stream(asr, pcm, RecognitionOptions.grammar("en", SpeechRig.DIGIT_GRAMMAR))
                  .text());
      digits += s.length();
      freeErrors += SpeechRig.editDistance(SpeechRig.chars(s), SpeechRig.chars(f));
      grammarErrors += SpeechRig.editDistance(SpeechRig.chars(s), SpeechRig.chars(g));
      freeExact += s.equals(f) ? 1 : 0;
      grammarExact += s.equals(g) ? 1 : 0;
    }
    lines.add(
        String.format(
            Locale.ROOT,
            "digit accuracy, %d MaryTTS digit strings of 4-8 digits (%d digits), 8 kHz: free speech"
                + " %.1f%% of digits (%d/%d strings exact), digit grammar %.1f%% (%d/%d exact)",
            digitStrings.size(),
            digits,
            100.0 * (1 - (double) freeErrors / digits),
            freeExact,
            digitStrings.size(),
            100.0 * (1 - (double) grammarErrors / digits),
            grammarExact,
            digitStrings.size()));

    int words = 0;
    double errors = 0;
    for (String s : sentences) {
      byte[] pcm = tts.synthesize(s, null).pcm16le8k();
      String heard = SpeechRig.stream(asr, pcm, RecognitionOptions.freeSpeech("en")).text();
      words += SpeechRig.words(s).size();
      errors += SpeechRig.wer(s, heard) * SpeechRig.words(s).size();
    }
    lines.add(
        String.format(
            Locale.ROOT,
            "free-speech WER on %d MaryTTS sentences (%d words), 8 kHz: %.1f%%",
            sentences.size(),
            words,
            100 * errors / words));
    models.close();

    Files.createDirectories(output.toAbsolutePath().getParent());
    Files.write(output, lines);
    lines.forEach(System.out::println);
    System.exit(0);
  }

  /**
   * Returns {CPU seconds per audio second, audio seconds}: the median of three passes over the
   * texts, so that one disturbed pass on a shared machine does not decide the figure.
   */
  private static double[] cpuPerAudioSecond(
      VoskSpeechRecognizer asr,
      MaryTtsSpeechSynthesizer tts,
      List<String> texts,
      RecognitionOptions options) {
    List<byte[]> audio = texts.stream().map(x -> tts.synthesize(x, null).pcm16le8k()).toList();
    double seconds = audio.stream().mapToDouble(a -> a.length / 16000.0).sum();
    double[] passes = new double[3];
    for (int pass = 0; pass < passes.length; pass++) {
      long c = THREADS.getCurrentThreadCpuTime();
      for (byte[] a : audio) {
        try (RecognitionStream s = asr.open(options)) {
          for (int at = 0; at < a.length; at += 320) {
            s.accept(
                Arrays.copyOfRange(a, at, Math.min(a.length, at + 320)), AudioEncoding.PCM16_8K);
          }
          s.finish();
        }
      }
      passes[pass] = (THREADS.getCurrentThreadCpuTime() - c) / 1e9 / seconds;
    }
    Arrays.sort(passes);
    return new double[] {passes[1], seconds};
  }

  private static long ms(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  private static long rssKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return 0;
  }
}
