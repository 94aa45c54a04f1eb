package io.contactcenter.routing.internal.domain;

import java.util.Map;
import java.util.OptionalInt;

/** An agent's skills, each with a level from 1 (novice) to 5 (expert). */
public record Skills(Map<String, Integer> levels) {

  static final int MIN_LEVEL = 1;
  static final int MAX_LEVEL = 5;

  public Skills {
    levels = Map.copyOf(levels);
    levels.forEach(
        (skill, level) -> {
          if (skill.isBlank()) {
            throw new IllegalArgumentException("a skill name must not be blank");
          }
          if (level < MIN_LEVEL || level > MAX_LEVEL) {
            throw new IllegalArgumentException(
                "skill " + skill + " has level " + level + "; levels are 1 to 5");
          }
        });
  }

  public static Skills of(Map<String, Integer> levels) {
    return new Skills(levels);
  }

  public OptionalInt level(String skill) {
    Integer level = levels.get(skill);
    return level == null ? OptionalInt.empty() : OptionalInt.of(level);
  }
}
