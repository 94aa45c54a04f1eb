package io.contactcenter.asrtts.internal.speech;

import io.contactcenter.common.G711;
import io.contactcenter.asrtts.AudioClip;
import io.contactcenter.asrtts.UnsupportedAudioException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Reads and writes RIFF/WAVE files in the few formats telephony uses. */
public final class Wav {

  private static final int FORMAT_PCM = 1;
  private static final int FORMAT_ALAW = 6;
  private static final int FORMAT_ULAW = 7;
  private static final int FORMAT_EXTENSIBLE = 0xFFFE;
  private static final int HEADER_BYTES = 44;

  private Wav() {}

  /** Parses a WAV file into mono 16-bit PCM at its own sample rate. */
  public static AudioClip read(byte[] wav) {
    if (wav == null || wav.length < 12) {
      throw new UnsupportedAudioException("not a WAV file (too short)");
    }
    ByteBuffer in = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
    if (!tag(wav, 0).equals("RIFF") || !tag(wav, 8).equals("WAVE")) {
      throw new UnsupportedAudioException("not a WAV file (no RIFF/WAVE header)");
    }
    int format = -1;
    int channels = 0;
    int sampleRate = 0;
    int bitsPerSample = 0;
    int position = 12;
    while (position + 8 <= wav.length) {
      String id = tag(wav, position);
      long size = Integer.toUnsignedLong(in.getInt(position + 4));
      int body = position + 8;
      if (id.equals("fmt ")) {
        if (size < 16 || body + 16 > wav.length) {
          throw new UnsupportedAudioException("WAV fmt chunk is truncated");
        }
        format = Short.toUnsignedInt(in.getShort(body));
        channels = Short.toUnsignedInt(in.getShort(body + 2));
        sampleRate = in.getInt(body + 4);
        bitsPerSample = Short.toUnsignedInt(in.getShort(body + 14));
        if (format == FORMAT_EXTENSIBLE && size >= 26 && body + 26 <= wav.length) {
          // WAVE_FORMAT_EXTENSIBLE: the real format code opens the sub-format GUID.
          format = Short.toUnsignedInt(in.getShort(body + 24));
        }
      } else if (id.equals("data")) {
        if (format < 0) {
          throw new UnsupportedAudioException("WAV data chunk comes before its fmt chunk");
        }
        // Streamed WAVs leave the size as 0 or 0xFFFFFFFF: take what is there.
        int length = (int) Math.min(size == 0 ? Long.MAX_VALUE : size, wav.length - body);
        return decode(wav, body, length, format, channels, sampleRate, bitsPerSample);
      }
      position = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1));
    }
    throw new UnsupportedAudioException("WAV file has no data chunk");
  }

  private static AudioClip decode(
      byte[] wav, int offset, int length, int format, int channels, int rate, int bits) {
    if (channels < 1 || channels > 2) {
      throw new UnsupportedAudioException("WAV has " + channels + " channels");
    }
    if (rate < 8000 || rate > 48000) {
      throw new UnsupportedAudioException("WAV sample rate is " + rate + " Hz");
    }
    int bytesPerSample;
    if (format == FORMAT_PCM && bits == 16) {
      bytesPerSample = 2;
    } else if ((format == FORMAT_ULAW || format == FORMAT_ALAW) && bits == 8) {
      bytesPerSample = 1;
    } else {
      throw new UnsupportedAudioException(
          "WAV format " + describe(format) + " with " + bits + "-bit samples");
    }
    int frames = length / (bytesPerSample * channels);
    byte[] out = new byte[frames * 2];
    for (int i = 0; i < frames; i++) {
      int sum = 0;
      for (int c = 0; c < channels; c++) {
        int p = offset + (i * channels + c) * bytesPerSample;
        sum +=
            switch (format) {
              case FORMAT_PCM -> (short) ((wav[p] & 0xFF) | (wav[p + 1] << 8));
              case FORMAT_ULAW -> G711.ulawToLinear(wav[p]);
              default -> G711.alawToLinear(wav[p]);
            };
      }
      int sample = sum / channels;
      out[2 * i] = (byte) sample;
      out[2 * i + 1] = (byte) (sample >> 8);
    }
    return new AudioClip(out, rate);
  }

  private static String describe(int format) {
    return switch (format) {
      case FORMAT_PCM -> "PCM";
      case FORMAT_ULAW -> "µ-law";
      case FORMAT_ALAW -> "A-law";
      case 3 -> "IEEE float";
      case 0x55 -> "MP3";
      default -> "0x" + Integer.toHexString(format);
    };
  }

  /** A canonical 44-byte-header WAV of mono 16-bit PCM. */
  public static byte[] write(byte[] pcm16le, int sampleRate) {
    ByteBuffer out =
        ByteBuffer.allocate(HEADER_BYTES + pcm16le.length).order(ByteOrder.LITTLE_ENDIAN);
    out.put("RIFF".getBytes(StandardCharsets.US_ASCII));
    out.putInt(36 + pcm16le.length);
    out.put("WAVE".getBytes(StandardCharsets.US_ASCII));
    out.put("fmt ".getBytes(StandardCharsets.US_ASCII));
    out.putInt(16);
    out.putShort((short) FORMAT_PCM);
    out.putShort((short) 1);
    out.putInt(sampleRate);
    out.putInt(sampleRate * 2);
    out.putShort((short) 2);
    out.putShort((short) 16);
    out.put("data".getBytes(StandardCharsets.US_ASCII));
    out.putInt(pcm16le.length);
    out.put(pcm16le);
    return out.array();
  }

  private static String tag(byte[] data, int offset) {
    if (offset + 4 > data.length) {
      return "";
    }
    return new String(data, offset, 4, StandardCharsets.US_ASCII);
  }
}
