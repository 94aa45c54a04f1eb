package io.contactcenter.qa;

/**
 * One section of a score card.
 *
 * @param section its name
 * @param points the weight of the rules met
 * @param maxPoints the weight of all its rules
 */
public record SectionScore(String section, int points, int maxPoints) {}
