package io.contactcenter.qa;

/**
 * An agent appeals a reviewed score. Validates itself.
 *
 * @param reason why, 1 to 2000 characters
 */
public record AppealRequest(String reason) {

  public AppealRequest {
    reason = reason == null ? "" : reason.strip();
    if (reason.isEmpty() || reason.length() > 2000) {
      throw new IllegalArgumentException("reason must hold 1 to 2000 characters");
    }
  }
}
