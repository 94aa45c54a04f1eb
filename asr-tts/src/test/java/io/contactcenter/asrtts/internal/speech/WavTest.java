package io.contactcenter.asrtts.internal.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.asrtts.AudioClip;
import io.contactcenter.asrtts.UnsupportedAudioException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WavTest {

  private static final String EXPECTED =
      "expected a WAV file: PCM 16-bit, µ-law or A-law, mono or stereo, 8-48 kHz";

  @ParameterizedTest
  @ValueSource(ints = {8000, 16000, 22050, 44100, 48000})
  void readsMonoPcmAtTelephonyAndStudioRates(int rate) {
    short[] tone = Signals.tone(1000, rate, 0.1, 8000);

    AudioClip clip = AudioClip.fromWav(wav(1, 1, rate, 16, Signals.bytes(tone)));

    assertThat(clip.sampleRate()).isEqualTo(rate);
    assertThat(Signals.shorts(clip.pcm16le())).containsExactly(tone);
  }

  @Test
  void mixesStereoDown() {
    byte[] interleaved = Signals.bytes(new short[] {1000, 3000, -2000, -4000});

    AudioClip clip = AudioClip.fromWav(wav(1, 2, 8000, 16, interleaved));

    assertThat(Signals.shorts(clip.pcm16le())).containsExactly((short) 2000, (short) -3000);
  }

  @Test
  void decodesUlawAndAlaw() {
    AudioClip ulaw = AudioClip.fromWav(wav(7, 1, 8000, 8, new byte[] {(byte) 0x80, (byte) 0xFF}));
    AudioClip alaw = AudioClip.fromWav(wav(6, 1, 8000, 8, new byte[] {(byte) 0xAA, (byte) 0xD5}));

    assertThat(Signals.shorts(ulaw.pcm16le())).containsExactly((short) 32124, (short) 0);
    assertThat(Signals.shorts(alaw.pcm16le())).containsExactly((short) 32256, (short) 8);
  }

  @Test
  void decodesUlawInsideWaveFormatExtensible() {
    ByteBuffer b = ByteBuffer.allocate(12 + 8 + 40 + 8 + 2).order(ByteOrder.LITTLE_ENDIAN);
    b.put(ascii("RIFF")).putInt(b.capacity() - 8).put(ascii("WAVE"));
    b.put(ascii("fmt ")).putInt(40).putShort((short) 0xFFFE).putShort((short) 1);
    b.putInt(8000).putInt(8000).putShort((short) 1).putShort((short) 8);
    b.putShort((short) 22).putShort((short) 8).putInt(4);
    // The sub-format GUID opens with the format code: 7, µ-law.
    b.putShort((short) 7).put(new byte[14]);
    b.put(ascii("data")).putInt(2).put(new byte[] {(byte) 0x80, (byte) 0xFF});

    assertThat(Signals.shorts(AudioClip.fromWav(b.array()).pcm16le()))
        .containsExactly((short) 32124, (short) 0);
  }

  @Test
  void writesWhatItReads() {
    byte[] pcm = Signals.bytes(Signals.tone(440, 8000, 0.05, 5000));

    byte[] wav = Wav.write(pcm, 8000);

    assertThat(wav).hasSize(44 + pcm.length);
    assertThat(AudioClip.fromWav(wav).pcm16le()).isEqualTo(pcm);
    assertThat(AudioClip.fromWav(wav).duration().toMillis()).isEqualTo(50);
  }

  @Test
  void skipsUnknownChunksAndToleratesStreamedSizes() {
    byte[] pcm = Signals.bytes(new short[] {1, 2, 3});
    ByteBuffer b = ByteBuffer.allocate(12 + 8 + 16 + 8 + 3 + 1 + 8 + pcm.length);
    b.order(ByteOrder.LITTLE_ENDIAN);
    b.put(ascii("RIFF")).putInt(-1).put(ascii("WAVE"));
    b.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1);
    b.putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16);
    b.put(ascii("LIST")).putInt(3).put(new byte[] {1, 2, 3, 0});
    b.put(ascii("data")).putInt(-1).put(pcm);

    assertThat(Signals.shorts(AudioClip.fromWav(b.array()).pcm16le()))
        .containsExactly((short) 1, (short) 2, (short) 3);
  }

  @Test
  void readsAStreamedWavWhoseDataSizeIsZero() {
    byte[] wav = wav(1, 1, 8000, 16, Signals.bytes(new short[] {7, -7}));
    ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(40, 0);

    assertThat(Signals.shorts(AudioClip.fromWav(wav).pcm16le()))
        .containsExactly((short) 7, (short) -7);
  }

  @ParameterizedTest
  @ValueSource(ints = {Integer.MIN_VALUE, -2, 1 << 20})
  void rejectsAChunkThatClaimsMoreThanTheFileHolds(int size) {
    // Sizes of 2^31 and more once overflowed the hand-written reader into an HTTP 500.
    ByteBuffer b = ByteBuffer.allocate(12 + 8 + 16 + 8 + 8 + 8 + 2).order(ByteOrder.LITTLE_ENDIAN);
    b.put(ascii("RIFF")).putInt(b.capacity() - 8).put(ascii("WAVE"));
    b.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1);
    b.putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16);
    b.put(ascii("LIST")).putInt(size).put(new byte[8]);
    b.put(ascii("data")).putInt(2).put(new byte[2]);

    assertThatThrownBy(() -> AudioClip.fromWav(b.array()))
        .isInstanceOf(UnsupportedAudioException.class)
        .hasMessageContaining("WAV chunk 'LIST' claims " + Integer.toUnsignedLong(size) + " bytes")
        .hasMessageContaining(EXPECTED);
  }

  @Test
  void rejectsAnOversizedFmtChunk() {
    byte[] wav = wav(1, 1, 8000, 16, new byte[4]);
    ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(16, 0x80000000);

    assertThatThrownBy(() -> AudioClip.fromWav(wav))
        .isInstanceOf(UnsupportedAudioException.class)
        .hasMessageContaining("WAV chunk 'fmt ' claims 2147483648 bytes");
  }

  @Test
  void rejectsMp3() {
    byte[] mp3 = {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFB, 0x50, 0};
    assertThatThrownBy(() -> AudioClip.fromWav(mp3))
        .isInstanceOf(UnsupportedAudioException.class)
        .hasMessageContaining("not a WAV file")
        .hasMessageContaining(EXPECTED);
  }

  @Test
  void rejectsMp3InsideRiff() {
    assertThatThrownBy(() -> AudioClip.fromWav(wav(0x55, 1, 8000, 0, new byte[16])))
        .isInstanceOf(UnsupportedAudioException.class)
        .hasMessageContaining("MP3")
        .hasMessageContaining(EXPECTED);
  }

  @Test
  void rejectsGarbage() {
    byte[] garbage = "this is not audio at all, just text".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> AudioClip.fromWav(garbage))
        .isInstanceOf(UnsupportedAudioException.class)
        .hasMessageContaining(EXPECTED);
    assertThatThrownBy(() -> AudioClip.fromWav(new byte[3]))
        .isInstanceOf(UnsupportedAudioException.class)
        .hasMessageContaining(EXPECTED);
  }

  @Test
  void rejects24BitFloatAndOddRates() {
    assertThatThrownBy(() -> AudioClip.fromWav(wav(1, 1, 48000, 24, new byte[30])))
        .isInstanceOf(UnsupportedAudioException.class)
        .hasMessageContaining("24-bit")
        .hasMessageContaining(EXPECTED);
    assertThatThrownBy(() -> AudioClip.fromWav(wav(3, 1, 48000, 32, new byte[32])))
        .hasMessageContaining("float");
    assertThatThrownBy(() -> AudioClip.fromWav(wav(1, 1, 96000, 16, new byte[32])))
        .hasMessageContaining("96000 Hz");
    assertThatThrownBy(() -> AudioClip.fromWav(wav(1, 6, 48000, 16, new byte[32])))
        .hasMessageContaining("6 channels");
  }

  @Test
  void rejectsAWavWithoutData() {
    byte[] header = wav(1, 1, 8000, 16, new byte[0]);
    byte[] noData = java.util.Arrays.copyOf(header, 36);
    assertThatThrownBy(() -> AudioClip.fromWav(noData))
        .isInstanceOf(UnsupportedAudioException.class)
        .hasMessageContaining("no data chunk");
  }

  static byte[] wav(int format, int channels, int rate, int bits, byte[] data) {
    ByteBuffer b = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put(ascii("RIFF")).putInt(36 + data.length).put(ascii("WAVE"));
    b.put(ascii("fmt ")).putInt(16).putShort((short) format).putShort((short) channels);
    int blockAlign = Math.max(1, channels * bits / 8);
    b.putInt(rate).putInt(rate * blockAlign).putShort((short) blockAlign).putShort((short) bits);
    b.put(ascii("data")).putInt(data.length).put(data);
    return b.array();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
