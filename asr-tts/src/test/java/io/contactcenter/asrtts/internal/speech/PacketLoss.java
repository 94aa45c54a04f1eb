package io.contactcenter.asrtts.internal.speech;

import java.util.Random;

/**
 * Lost RTP packets of 20 ms and the receiver's concealment. Losses come in bursts (a two-state
 * Gilbert model: after a loss the next packet is lost with probability {@value #STAY_LOST}), with
 * the long-run rate asked for. A lost frame is concealed as G.711 Appendix I does in spirit: the
 * last good frame is repeated, fading by {@value #FADE_PER_FRAME} per further lost frame to
 * silence, and the first good frame after a gap is faded in over a millisecond to avoid a click.
 */
final class PacketLoss {

  static final int FRAME_SAMPLES = 160;
  static final double STAY_LOST = 0.3;
  static final double FADE_PER_FRAME = 0.2;

  private PacketLoss() {}

  /** Which of {@code frames} frames are lost, at a long-run rate of {@code rate} (0 to 0.5). */
  static boolean[] losses(int frames, double rate, Random random) {
    boolean[] lost = new boolean[frames];
    if (rate <= 0) {
      return lost;
    }
    // Stationary loss rate p = g / (g + 1 - STAY_LOST) with g = P(good -> lost).
    double toLost = rate * (1 - STAY_LOST) / (1 - rate);
    boolean inLoss = false;
    for (int f = 0; f < frames; f++) {
      inLoss = random.nextDouble() < (inLoss ? STAY_LOST : toLost);
      lost[f] = inLoss;
    }
    return lost;
  }

  /** The samples as the receiver plays them when the frames marked in {@code lost} are missing. */
  static short[] conceal(short[] samples, boolean[] lost) {
    short[] out = samples.clone();
    short[] lastGood = new short[FRAME_SAMPLES];
    int run = 0;
    for (int f = 0; f < lost.length; f++) {
      int from = f * FRAME_SAMPLES;
      int to = Math.min(samples.length, from + FRAME_SAMPLES);
      if (from >= samples.length) {
        break;
      }
      if (lost[f]) {
        run++;
        double gain = Math.max(0, 1 - FADE_PER_FRAME * (run - 1));
        for (int i = from; i < to; i++) {
          out[i] = (short) Math.round(lastGood[i - from] * gain);
        }
      } else {
        if (run > 0) {
          int fade = Math.min(8, to - from);
          for (int i = 0; i < fade; i++) {
            out[from + i] = (short) Math.round(out[from + i] * (i + 1) / (double) (fade + 1));
          }
        }
        run = 0;
        System.arraycopy(samples, from, lastGood, 0, to - from);
      }
    }
    return out;
  }
}
