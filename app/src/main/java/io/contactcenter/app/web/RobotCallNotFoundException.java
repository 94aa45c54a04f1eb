package io.contactcenter.app.web;

/** The robot knows no call by the id asked for. */
class RobotCallNotFoundException extends RuntimeException {

  RobotCallNotFoundException(String attemptId) {
    super("no robot call " + attemptId);
  }
}
