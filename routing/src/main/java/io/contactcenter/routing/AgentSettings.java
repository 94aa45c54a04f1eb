package io.contactcenter.routing;

import java.util.Map;

/**
 * An agent's routing profile as an admin sets it.
 *
 * @param agentId the user's login name
 * @param skills skill name to level 1 (novice) to 5 (expert)
 * @param chats chats at once (0 to 20); an agent takes one call at a time
 * @param tickets tickets at once (0 to 50)
 * @param wrapUpSeconds after-contact work after the last open contact (0 to 3600)
 * @param phone the agent's PJSIP endpoint that rings for calls ({@code agent1001}, or {@code
 *     user@endpoint} for a phone behind another endpoint's contact; {@code ""}: takes no calls)
 */
public record AgentSettings(
    String agentId,
    Map<String, Integer> skills,
    int chats,
    int tickets,
    int wrapUpSeconds,
    String phone) {

  public AgentSettings {
    if (agentId == null || !agentId.matches("[A-Za-z0-9._@-]{1,100}")) {
      throw new IllegalArgumentException(
          "agentId must be 1 to 100 letters, digits, '.', '_', '@' or '-'");
    }
    skills = Map.copyOf(skills == null ? Map.of() : skills);
    skills.forEach(
        (skill, level) -> {
          if (skill.isBlank() || skill.length() > 50) {
            throw new IllegalArgumentException("a skill name is 1 to 50 characters");
          }
          if (level == null || level < 1 || level > 5) {
            throw new IllegalArgumentException(
                "skill " + skill + " has level " + level + "; levels are 1 to 5");
          }
        });
    if (chats < 0 || chats > 20) {
      throw new IllegalArgumentException("chats must be 0 to 20, not " + chats);
    }
    if (tickets < 0 || tickets > 50) {
      throw new IllegalArgumentException("tickets must be 0 to 50, not " + tickets);
    }
    if (wrapUpSeconds < 0 || wrapUpSeconds > 3600) {
      throw new IllegalArgumentException("wrapUpSeconds must be 0 to 3600, not " + wrapUpSeconds);
    }
    phone = phone == null ? "" : phone;
    if (!phone.isEmpty() && !phone.matches("[A-Za-z0-9_.-]{1,80}(@[A-Za-z0-9_-]{1,80})?")) {
      throw new IllegalArgumentException(
          "phone must be a PJSIP endpoint (agent1001) or user@endpoint, not " + phone);
    }
  }
}
