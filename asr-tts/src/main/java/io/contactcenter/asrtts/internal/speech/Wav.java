package io.contactcenter.asrtts.internal.speech;

import io.contactcenter.asrtts.AudioClip;
import io.contactcenter.asrtts.UnsupportedAudioException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Reads and writes RIFF/WAVE files in the few formats telephony uses, with {@code
 * javax.sound.sampled}: it parses the format (PCM, µ-law, A-law, WAVE_FORMAT_EXTENSIBLE), decodes
 * G.711 and writes the file.
 *
 * <p>What stays here is a walk over the chunk headers before the JDK sees the bytes: the JDK's
 * reader answers every problem with "Stream of unsupported format" and skips a chunk whose size
 * does not fit the file without a word, while callers (a 400 from the speech API) need to be told
 * which problem it is. The walk also finds the data of a streamed WAV, whose data size is left as 0
 * or 0xFFFFFFFF.
 */
public final class Wav {

  private static final int FORMAT_PCM = 1;
  private static final int FORMAT_ALAW = 6;
  private static final int FORMAT_ULAW = 7;
  private static final int MAX_CHANNELS = 2;
  private static final AudioFileFormat.Type WAVE = AudioFileFormat.Type.WAVE;

  private Wav() {}

  private static final int FORMAT_EXTENSIBLE = 0xFFFE;

  /**
   * Where the chunk walk found the format and the samples.
   *
   * @param formatTag the format code, for WAVE_FORMAT_EXTENSIBLE the one its sub-format GUID opens
   */
  private record Layout(
      int formatTag,
      int channels,
      int sampleRate,
      int bitsPerSample,
      int dataOffset,
      int dataLength) {}

  /** Parses a WAV file into mono 16-bit PCM at its own sample rate. */
  public static AudioClip read(byte[] wav) {
    Layout layout = layout(wav);
    AudioFormat format;
    try {
      format = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(wav)).getFormat();
    } catch (UnsupportedAudioFileException e) {
      format = extensibleG711(layout);
    } catch (IOException e) {
      throw new UnsupportedAudioException("WAV file cannot be read (" + e.getMessage() + ")");
    }
    int channels = format.getChannels();
    if (channels < 1 || channels > MAX_CHANNELS) {
      throw new UnsupportedAudioException("WAV has " + channels + " channels");
    }
    int rate = Math.round(format.getSampleRate());
    if (rate < 8000 || rate > 48000) {
      throw new UnsupportedAudioException("WAV sample rate is " + rate + " Hz");
    }
    AudioFormat.Encoding encoding = format.getEncoding();
    int bits = format.getSampleSizeInBits();
    boolean pcm16 = encoding.equals(AudioFormat.Encoding.PCM_SIGNED) && bits == 16;
    boolean g711 =
        (encoding.equals(AudioFormat.Encoding.ULAW) || encoding.equals(AudioFormat.Encoding.ALAW))
            && bits == 8;
    if (!pcm16 && !g711) {
      throw unsupported(describe(encoding, layout.formatTag()), bits);
    }
    int frames = layout.dataLength() / format.getFrameSize();
    AudioInputStream samples =
        new AudioInputStream(
            new ByteArrayInputStream(wav, layout.dataOffset(), layout.dataLength()),
            format,
            frames);
    AudioFormat target = new AudioFormat(rate, 16, channels, true, false);
    byte[] pcm;
    try (AudioInputStream decoded =
        format.matches(target) ? samples : AudioSystem.getAudioInputStream(target, samples)) {
      pcm = decoded.readNBytes(frames * 2 * channels);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new AudioClip(channels == 1 ? pcm : mixDown(pcm, channels), rate);
  }

  /**
   * The JDK reads WAVE_FORMAT_EXTENSIBLE only with PCM or float inside; µ-law and A-law in that
   * wrapper are read from the walk's fmt fields instead.
   */
  private static AudioFormat extensibleG711(Layout layout) {
    boolean g711 = layout.formatTag() == FORMAT_ULAW || layout.formatTag() == FORMAT_ALAW;
    if (!g711 || layout.bitsPerSample() != 8 || layout.channels() < 1) {
      throw unsupported(describe(layout.formatTag()), layout.bitsPerSample());
    }
    AudioFormat.Encoding encoding =
        layout.formatTag() == FORMAT_ULAW ? AudioFormat.Encoding.ULAW : AudioFormat.Encoding.ALAW;
    return new AudioFormat(
        encoding,
        layout.sampleRate(),
        8,
        layout.channels(),
        layout.channels(),
        layout.sampleRate(),
        false);
  }

  /**
   * Walks the chunk headers up to the data chunk.
   *
   * @throws UnsupportedAudioException for a file that is not RIFF/WAVE, a chunk that claims more
   *     bytes than the file has, or a missing fmt or data chunk
   */
  private static Layout layout(byte[] wav) {
    if (wav == null || wav.length < 12) {
      throw new UnsupportedAudioException("not a WAV file (too short)");
    }
    if (!tag(wav, 0).equals("RIFF") || !tag(wav, 8).equals("WAVE")) {
      throw new UnsupportedAudioException("not a WAV file (no RIFF/WAVE header)");
    }
    ByteBuffer in = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
    int formatTag = -1;
    int channels = 0;
    int rate = 0;
    int bits = 0;
    long position = 12;
    while (position + 8 <= wav.length) {
      int at = (int) position;
      String id = tag(wav, at);
      long size = Integer.toUnsignedLong(in.getInt(at + 4));
      int body = at + 8;
      long remaining = wav.length - (long) body;
      if (id.equals("data")) {
        if (formatTag < 0) {
          throw new UnsupportedAudioException("WAV data chunk comes before its fmt chunk");
        }
        // Streamed WAVs leave the size as 0 or 0xFFFFFFFF, a cut recording claims more than it
        // has: take what is there.
        int length = (int) (size == 0 ? remaining : Math.min(size, remaining));
        return new Layout(formatTag, channels, rate, bits, body, length);
      }
      if (size > remaining) {
        throw new UnsupportedAudioException(
            "WAV chunk '"
                + printable(id)
                + "' claims "
                + size
                + " bytes but only "
                + remaining
                + " follow it");
      }
      if (id.equals("fmt ")) {
        if (size < 16) {
          throw new UnsupportedAudioException("WAV fmt chunk is truncated");
        }
        formatTag = Short.toUnsignedInt(in.getShort(body));
        channels = Short.toUnsignedInt(in.getShort(body + 2));
        rate = in.getInt(body + 4);
        bits = Short.toUnsignedInt(in.getShort(body + 14));
        if (formatTag == FORMAT_EXTENSIBLE && size >= 26) {
          formatTag = Short.toUnsignedInt(in.getShort(body + 24));
        }
      }
      position = body + size + (size & 1);
    }
    throw new UnsupportedAudioException("WAV file has no data chunk");
  }

  private static byte[] mixDown(byte[] interleaved, int channels) {
    int frames = interleaved.length / (2 * channels);
    byte[] out = new byte[frames * 2];
    for (int i = 0; i < frames; i++) {
      int sum = 0;
      for (int c = 0; c < channels; c++) {
        int p = (i * channels + c) * 2;
        sum += (short) ((interleaved[p] & 0xFF) | (interleaved[p + 1] << 8));
      }
      int sample = sum / channels;
      out[2 * i] = (byte) sample;
      out[2 * i + 1] = (byte) (sample >> 8);
    }
    return out;
  }

  private static UnsupportedAudioException unsupported(String format, int bits) {
    return new UnsupportedAudioException("WAV format " + format + " with " + bits + "-bit samples");
  }

  private static String describe(AudioFormat.Encoding encoding, int formatTag) {
    if (encoding.equals(AudioFormat.Encoding.PCM_FLOAT)) {
      return "IEEE float";
    }
    return describe(formatTag);
  }

  private static String describe(int formatTag) {
    return switch (formatTag) {
      case FORMAT_PCM -> "PCM";
      case FORMAT_ULAW -> "µ-law";
      case FORMAT_ALAW -> "A-law";
      case 3 -> "IEEE float";
      case 0x55 -> "MP3";
      default -> "0x" + Integer.toHexString(formatTag);
    };
  }

  /** A canonical 44-byte-header WAV of mono 16-bit PCM. */
  public static byte[] write(byte[] pcm16le, int sampleRate) {
    AudioFormat format = new AudioFormat(sampleRate, 16, 1, true, false);
    ByteArrayOutputStream out = new ByteArrayOutputStream(44 + pcm16le.length);
    try (AudioInputStream in =
        new AudioInputStream(new ByteArrayInputStream(pcm16le), format, pcm16le.length / 2)) {
      AudioSystem.write(in, WAVE, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String tag(byte[] data, int offset) {
    return new String(data, offset, 4, StandardCharsets.US_ASCII);
  }

  /** A chunk id as it may go into a message: control characters replaced. */
  private static String printable(String id) {
    return id.replaceAll("[^\\x20-\\x7E]", "?");
  }
}
