package io.contactcenter.testinfra;

import io.contactcenter.asrtts.SpeechSynthesizer;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * What a SIPp customer says on a call: silence, then MaryTTS speech at 8 kHz, as the G.711 µ-law
 * WAV that the {@code uas-answer.xml} scenario streams from its working directory.
 */
public final class CustomerVoice {

  private CustomerVoice() {}

  /**
   * A working directory for {@code uas-answer.xml} whose customer stays quiet for {@code wait},
   * then says {@code words} ({@code null}: nothing), then is quiet for {@code after}.
   */
  public static Path says(SpeechSynthesizer tts, Duration wait, String words, Duration after)
      throws Exception {
    byte[] reply = words == null ? new byte[0] : tts.synthesize(words, null).pcm16le8k();
    return says(wait, reply, after);
  }

  /**
   * The same from speech synthesized elsewhere (e.g. by a server process's speech API): {@code
   * speech} is 8 kHz 16-bit little-endian mono PCM.
   */
  public static Path says(Duration wait, byte[] speech, Duration after) throws Exception {
    Path dir = Files.createTempDirectory("customer");
    writeUlawWav(dir.resolve("customer-says.ulaw.wav"), silence(wait), speech, silence(after));
    return dir;
  }

  /**
   * Writes what a customer says to {@code file} (any name a scenario streams): quiet for {@code
   * wait}, then {@code speech} (8 kHz 16-bit little-endian mono PCM), then quiet for {@code after}.
   */
  public static void write(Path file, Duration wait, byte[] speech, Duration after)
      throws Exception {
    writeUlawWav(file, silence(wait), speech, silence(after));
  }

  /** The balance reminder's opening disclosure as the robot says it, for timing a reply. */
  @SuppressWarnings("unchecked")
  public static String balanceReminderDisclosure(String merchant) throws Exception {
    Path script =
        Repository.root()
            .resolve("outbound-robot/src/main/resources/scripts/balance-reminder.yaml");
    Map<String, Object> yaml = new Yaml().load(Files.readString(script));
    Map<String, Object> steps = (Map<String, Object>) yaml.get("steps");
    Map<String, Object> disclosure = (Map<String, Object>) steps.get(yaml.get("start"));
    Map<String, String> say = (Map<String, String>) disclosure.get("say");
    return say.get("en").replace("${merchant}", merchant);
  }

  private static byte[] silence(Duration d) {
    return new byte[(int) (d.toMillis() * 16)];
  }

  /** A G.711 µ-law WAV (what SIPp streams as-is after the 44-byte header). */
  public static void writeUlawWav(Path file, byte[]... pcmParts) throws Exception {
    ByteArrayOutputStream ulaw = new ByteArrayOutputStream();
    for (byte[] pcm : pcmParts) {
      ByteBuffer b = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
      while (b.remaining() >= 2) {
        ulaw.write(linearToUlaw(b.getShort()));
      }
    }
    byte[] data = ulaw.toByteArray();
    ByteBuffer h = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
    h.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + data.length);
    h.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII))
        .putInt(16)
        .putShort((short) 7)
        .putShort((short) 1);
    h.putInt(8000).putInt(8000).putShort((short) 1).putShort((short) 8);
    h.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data);
    Files.write(file, h.array());
  }

  /** ITU-T G.711 µ-law encoding of one 16-bit sample. */
  private static int linearToUlaw(int sample) {
    int sign = (sample >> 8) & 0x80;
    if (sign != 0) {
      sample = -sample;
    }
    sample = Math.min(sample, 32635) + 0x84;
    int exponent = 7;
    for (int mask = 0x4000; (sample & mask) == 0 && exponent > 0; mask >>= 1) {
      exponent--;
    }
    int mantissa = (sample >> (exponent + 3)) & 0x0F;
    return ~(sign | (exponent << 4) | mantissa) & 0xFF;
  }
}
