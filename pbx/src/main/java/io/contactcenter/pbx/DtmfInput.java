package io.contactcenter.pbx;

import java.util.regex.Pattern;

/**
 * Digits a caller keyed in.
 *
 * @param digits only 0-9, * and #; the terminating '#' is not included
 * @param timedOut true if the caller stopped pressing keys before the input was complete
 */
public record DtmfInput(String digits, boolean timedOut) {

  private static final Pattern DTMF = Pattern.compile("[0-9*#]*");

  public DtmfInput {
    if (digits == null || !DTMF.matcher(digits).matches()) {
      throw new IllegalArgumentException("DTMF input may only hold 0-9, * and #");
    }
  }

  public boolean isEmpty() {
    return digits.isEmpty();
  }
}
