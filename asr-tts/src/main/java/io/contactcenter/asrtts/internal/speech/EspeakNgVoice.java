package io.contactcenter.asrtts.internal.speech;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A voice of the espeak-ng synthesizer (Debian's {@code espeak-ng} package), run as a process per
 * text: the only Mandarin voice this machine can have offline, since MaryTTS has none. Formant
 * synthesis: intelligible, robotic, and its tones are not always right (docs/benchmarks.md says how
 * it fares). The text goes in on standard input, never on the command line, so no text can be read
 * as an option; 22.05 kHz WAV comes back on standard output and is resampled to 8 kHz.
 *
 * <p>Voice names in this project are {@code espeak-ng:<voice>}, e.g. {@code espeak-ng:cmn}.
 */
final class EspeakNgVoice {

  static final String PREFIX = "espeak-ng:";
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final String command;

  EspeakNgVoice(String command) {
    this.command = command;
  }

  static boolean isEspeakNg(String voice) {
    return voice.startsWith(PREFIX);
  }

  /** Whether the program can be run here (it is a Debian package, not a Maven artifact). */
  boolean installed() {
    try {
      Process process = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(5, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Speaks {@code text} in {@code voice} ({@code espeak-ng:cmn}).
   *
   * @return 16-bit little-endian PCM at 8 kHz
   * @throws IllegalStateException naming the package when espeak-ng is not installed
   */
  byte[] render(String text, String voice) {
    String name = voice.substring(PREFIX.length());
    if (!name.matches("[A-Za-z0-9_+-]{1,40}")) {
      throw new IllegalArgumentException("'" + voice + "' is not an espeak-ng voice name");
    }
    Process process;
    try {
      process = new ProcessBuilder(List.of(command, "-v", name, "--stdin", "--stdout")).start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "voice '"
              + voice
              + "' needs the espeak-ng program, which is not installed (apt-get install"
              + " espeak-ng)",
          e);
    }
    try {
      try (OutputStream in = process.getOutputStream()) {
        in.write(text.getBytes(StandardCharsets.UTF_8));
      }
      byte[] wav;
      try (InputStream out = process.getInputStream()) {
        wav = out.readAllBytes();
      }
      String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException("espeak-ng did not finish within " + TIMEOUT);
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "espeak-ng failed (exit " + process.exitValue() + "): " + errors.strip());
      }
      return toTelephony(wav);
    } catch (IOException e) {
      throw new UncheckedIOException("espeak-ng could not be read", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while espeak-ng spoke", e);
    } finally {
      process.destroy();
    }
  }

  /**
   * The WAV espeak-ng writes to a pipe, as 8 kHz PCM. It cannot seek back to fill in the sizes, so
   * the data chunk's size may be a placeholder: the samples are whatever follows its header.
   */
  static byte[] toTelephony(byte[] wav) {
    ByteBuffer buffer = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
    if (wav.length < 44
        || buffer.getInt(0) != 0x46464952 // "RIFF"
        || buffer.getInt(8) != 0x45564157) { // "WAVE"
      throw new IllegalStateException("espeak-ng did not write a WAV file");
    }
    int rate = 0;
    int at = 12;
    while (at + 8 <= wav.length) {
      int id = buffer.getInt(at);
      long size = Integer.toUnsignedLong(buffer.getInt(at + 4));
      if (id == 0x20746d66) { // "fmt "
        short format = buffer.getShort(at + 8);
        short channels = buffer.getShort(at + 10);
        rate = buffer.getInt(at + 12);
        short bits = buffer.getShort(at + 22);
        if (format != 1 || channels != 1 || bits != 16) {
          throw new IllegalStateException("espeak-ng wrote audio other than 16-bit mono PCM");
        }
      } else if (id == 0x61746164) { // "data"
        if (rate == 0) {
          throw new IllegalStateException("espeak-ng's WAV has no format before its data");
        }
        int start = at + 8;
        int length = (int) Math.min(size, wav.length - start) & ~1;
        short[] samples = new short[length / 2];
        ByteBuffer.wrap(wav, start, length)
            .order(ByteOrder.LITTLE_ENDIAN)
            .asShortBuffer()
            .get(samples);
        short[] telephony =
            rate == MaryTtsSpeechSynthesizer.TELEPHONY_RATE
                ? samples
                : Resampler.resample(samples, rate, MaryTtsSpeechSynthesizer.TELEPHONY_RATE);
        return VoskSpeechRecognizer.toBytes(telephony);
      }
      at += 8 + (int) Math.min(size + (size & 1), Integer.MAX_VALUE - at - 8);
    }
    throw new IllegalStateException("espeak-ng's WAV has no data");
  }

  /** Whether {@code text} has Chinese characters, which only a Chinese voice can say. */
  static boolean hasHan(String text) {
    return text.codePoints()
        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  @Override
  public String toString() {
    return "espeak-ng (" + command + ")";
  }
}
