package io.contactcenter.asrtts.internal.speech;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A voice that speaks the evaluation set: MaryTTS (the project's own synthesizer), espeak-ng, Flite
 * or Festival (Debian packages, run as programs). Speech comes back as 8 kHz 16-bit samples.
 *
 * @param name e.g. {@code flite:rms}; {@code festival:ked} is Festival's {@code voice_ked_diphone}
 *     (Debian's festvox-kdlpc16k)
 * @param heldOut whether the voice is kept out of all tuning: only the held-out part hears it
 */
record EvaluationVoice(String name, boolean heldOut) {

  /** Whether this machine can speak with the voice. */
  boolean available() {
    if (name.startsWith("mary:")) {
      return true;
    }
    // flite has no --version that exits 0; -lv lists its voices.
    List<String> probe =
        name.startsWith("flite:")
            ? List.of("flite", "-lv")
            : name.startsWith("festival:")
                ? List.of("festival", "-b", "(voice_" + name.substring(9) + "_diphone)")
                : List.of("espeak-ng", "--version");
    try {
      Process p = new ProcessBuilder(probe).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  short[] speak(String text, MaryTtsSpeechSynthesizer mary, EspeakNgVoice espeak, Path tmp) {
    if (name.startsWith("mary:")) {
      return VoskSpeechRecognizer.toShorts(
          mary.synthesize(text, name.substring("mary:".length())).pcm16le8k());
    }
    if (name.startsWith("espeak-ng:")) {
      return VoskSpeechRecognizer.toShorts(espeak.render(text, name));
    }
    if (name.startsWith("festival:")) {
      return festival(text, name.substring("festival:".length()), tmp);
    }
    String voice = name.substring("flite:".length());
    try {
      Path wav = Files.createTempFile(tmp, "flite", ".wav");
      Process p =
          new ProcessBuilder(List.of("flite", "-voice", voice, "-t", text, "-o", wav.toString()))
              .redirectErrorStream(true)
              .start();
      p.getInputStream().readAllBytes();
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("flite failed for voice " + voice);
      }
      byte[] bytes = Files.readAllBytes(wav);
      Files.delete(wav);
      return VoskSpeechRecognizer.toShorts(EspeakNgVoice.toTelephony(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static short[] festival(String text, String voice, Path tmp) {
    try {
      Path txt = Files.createTempFile(tmp, "festival", ".txt");
      Path wav = Files.createTempFile(tmp, "festival", ".wav");
      Files.writeString(txt, text);
      Process p =
          new ProcessBuilder(
                  List.of(
                      "text2wave",
                      "-eval",
                      "(voice_" + voice + "_diphone)",
                      txt.toString(),
                      "-o",
                      wav.toString()))
              .redirectErrorStream(true)
              .start();
      p.getInputStream().readAllBytes();
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("festival failed for voice " + voice);
      }
      byte[] bytes = Files.readAllBytes(wav);
      Files.delete(wav);
      Files.delete(txt);
      return VoskSpeechRecognizer.toShorts(EspeakNgVoice.toTelephony(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
