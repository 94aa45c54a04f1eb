package io.contactcenter.qa;

import java.util.UUID;

/** There is no calibration with this id. */
public class CalibrationNotFoundException extends RuntimeException {

  public CalibrationNotFoundException(UUID id) {
    super("no calibration " + id);
  }
}
