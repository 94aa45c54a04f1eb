package io.contactcenter.routing;

/**
 * A queue's contacts that stopped waiting, measured from their original enqueue time against the
 * queue's threshold N.
 *
 * @param serviceLevel SL1 = answered within N / answered; {@code null} before the first answer
 * @param serviceLevel2 SL2 = (answered within N + abandoned within N) / (answered + abandoned);
 *     {@code null} before the first contact stopped waiting
 */
public record QueueServiceLevel(
    String queue,
    long thresholdSeconds,
    long answered,
    long answeredWithin,
    long abandoned,
    long abandonedWithin,
    Double serviceLevel,
    Double serviceLevel2,
    int waiting) {}
