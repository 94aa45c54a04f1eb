package io.contactcenter.asrtts.internal.speech;

import java.util.Random;

/**
 * A simulated telephone line between a caller and the recognizer, in the order a real call has
 * them: the caller's level (a quiet or a hot handset, clipping included), background noise at the
 * caller's end, the line's 300–3400 Hz band, G.711 on the trunk, then lost packets and the
 * receiver's concealment. 8 kHz 16-bit audio in and out.
 *
 * @param alaw A-law on the trunk, else µ-law
 * @param snrDb background noise this far below the speech's active level; {@code null} for none
 * @param lossRate the share of 20 ms packets lost, 0 to 0.5
 * @param gainDb the caller's level change, e.g. -20 for a quiet handset
 */
record TelephoneChannel(boolean alaw, Double snrDb, double lossRate, double gainDb) {

  static final int RATE = 8000;

  TelephoneChannel {
    if (lossRate < 0 || lossRate > 0.5) {
      throw new IllegalArgumentException("lossRate must be between 0 and 0.5, was " + lossRate);
    }
  }

  /** What the recognizer gets of {@code speech}, the noise drawn from {@code random}. */
  short[] carry(short[] speech, Random random) {
    double level = LineNoise.activeLevel(speech, RATE);
    short[] x = snrDb == null ? speech : LineNoise.add(speech, level, snrDb, random);
    x = gain(x, gainDb);
    x = TelephoneBand.filter(x, RATE);
    x = G711.roundTrip(x, alaw);
    boolean[] lost =
        PacketLoss.losses(
            (x.length + PacketLoss.FRAME_SAMPLES - 1) / PacketLoss.FRAME_SAMPLES, lossRate, random);
    return PacketLoss.conceal(x, lost);
  }

  /** A short description for reports, e.g. {@code ulaw snr=15dB loss=3% gain=-10dB}. */
  String describe() {
    return String.format(
        java.util.Locale.ROOT,
        "%s snr=%s loss=%.0f%% gain=%+.0fdB",
        alaw ? "alaw" : "ulaw",
        snrDb == null ? "none" : String.format(java.util.Locale.ROOT, "%.0fdB", snrDb),
        lossRate * 100,
        gainDb);
  }

  static short[] gain(short[] samples, double db) {
    double factor = Math.pow(10, db / 20);
    double[] out = new double[samples.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = samples[i] * factor;
    }
    return clip(out);
  }

  static short[] clip(double[] samples) {
    short[] out = new short[samples.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(samples[i])));
    }
    return out;
  }
}
