package io.contactcenter.routing;

/**
 * After-contact work: a disposition code ({@code resolved}, {@code callback}, ...; letters, digits,
 * {@code -} and {@code _}, at most 40) and free notes (at most 2,000 characters).
 */
public record WrapUp(String disposition, String notes) {

  public WrapUp {
    if (disposition == null || !disposition.matches("[A-Za-z0-9_-]{1,40}")) {
      throw new IllegalArgumentException(
          "disposition must be 1 to 40 letters, digits, '-' or '_', not " + disposition);
    }
    notes = notes == null ? "" : notes;
    if (notes.length() > 2000) {
      throw new IllegalArgumentException("notes must be at most 2000 characters");
    }
  }
}
