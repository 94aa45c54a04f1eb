package io.contactcenter.outboundrobot.internal;

import java.time.Duration;
import java.time.ZoneOffset;

/** The robot's configuration in unit tests with fake speech engines. */
final class TestRobotProperties {

  private TestRobotProperties() {}

  /**
   * Trunk {@code trunk-test}, answering-machine detection on, calls in UTC, and no early end of
   * turn: the fake recognizers end utterances themselves.
   */
  static RobotProperties config() {
    return new RobotProperties(
        "trunk-test",
        "4000",
        Duration.ofSeconds(30),
        "",
        0.3,
        5,
        ZoneOffset.UTC,
        new RobotProperties.AnsweringMachine(
            true, Duration.ofMillis(3500), Duration.ofMillis(800), -42),
        new RobotProperties.Transfer(Duration.ofMinutes(2), null),
        new RobotProperties.EarlyEndOfTurn(Duration.ZERO, 0.75),
        Duration.ofMinutes(10));
  }
}
