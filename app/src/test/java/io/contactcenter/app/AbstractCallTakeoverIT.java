package io.contactcenter.app;

import io.contactcenter.pbx.CallControl;
import io.contactcenter.routing.AgentDesk;
import io.contactcenter.routing.AgentDirectory;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.FreePorts;
import io.contactcenter.testinfra.LocalAsterisk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * What the take-over ITs (ADR 0043) are set in, so that each class holds only its scenarios: the
 * whole contact center in a context that never routes ({@code cc.routing.lead=false}) but answers
 * the AGI of the take-over Asterisk and sees its calls over AMI, and a {@link CallTakeoverRig} per
 * test, closed after it (each test elects a leader of its own: the last one's survivor would route
 * the next).
 *
 * <p>The take-over Asterisk is one per test JVM, on ports (AGI among them) of its own, started for
 * each class and stopped after it, when the class's context is closed too ({@link DirtiesContext}).
 * Not the shared one: that sends its AGI to one port per test JVM ({@link
 * io.contactcenter.testinfra.TestInfrastructure#agiPort()}), which in a full run a shared context
 * cached by an earlier class already holds, so the callers would be queued by that context, in
 * another database. Failsafe's forks each have their own and run the classes side by side.
 */
@ContactCenterIT
@TestPropertySource(properties = {"cc.test.context=call-takeover", "cc.routing.lead=false"})
@DirtiesContext
abstract class AbstractCallTakeoverIT {

  private static final LocalAsterisk asterisk =
      new LocalAsterisk("takeover", LocalAsterisk.Ports.allocate(FreePorts.next()));

  @DynamicPropertySource
  static void pointAtTheTakeoverAsterisk(DynamicPropertyRegistry registry) {
    registry.add("cc.pbx.ami.port", () -> asterisk.ports().ami());
    registry.add("cc.pbx.fastagi.port", () -> asterisk.ports().agi());
    registry.add("cc.pbx.recordings.dir", () -> asterisk.recordings().toString());
  }

  @Autowired AgentDesk desk;
  @Autowired JdbcClient jdbc;
  @Autowired CallControl calls;
  @Autowired private AgentDirectory agents;
  @Autowired private Environment environment;

  @Autowired
  @Qualifier("ami")
  private HealthIndicator ami;

  CallTakeoverRig rig;

  @BeforeAll
  static void startAsterisk() {
    asterisk.start();
  }

  @AfterAll
  static void stopAsterisk() {
    asterisk.stop();
  }

  @BeforeEach
  void rig() {
    rig = new CallTakeoverRig(asterisk, jdbc, environment, ami, agents, desk);
  }

  @AfterEach
  void stopTheInstances() {
    rig.close();
  }
}
