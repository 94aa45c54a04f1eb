package io.contactcenter.onlinechat.internal.domain;

/**
 * Turns a text into a vector of its meaning: two texts asking the same thing get vectors with a
 * high cosine even when they share no word. Implementations are thread-safe; one call may take a
 * few milliseconds (a small neural model on the CPU).
 */
@FunctionalInterface
public interface SentenceEncoder {

  float[] encode(String text);
}
