package io.contactcenter.campaigns.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.contactcenter.outboundrobot.RobotCalls;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;

/** An instance without Asterisk stands by from the maintenance job and comes back with it. */
class MaintenanceStandbyTest {

  private final RobotCalls robot = mock(RobotCalls.class);
  private final Scheduler scheduler = mock(Scheduler.class);
  private final MaintenanceStandby standby =
      new MaintenanceStandby(robot, scheduler, Duration.ofSeconds(1));

  @Test
  void standsByWhileAsteriskIsAwayAndResumesWhenItIsBack() throws Exception {
    when(scheduler.isStarted()).thenReturn(true);
    when(robot.available()).thenReturn(false);

    standby.check();

    verify(scheduler).standby();
    assertThat(standby.standingBy()).isTrue();

    when(robot.available()).thenReturn(true);
    standby.check();

    verify(scheduler).start();
    assertThat(standby.standingBy()).isFalse();
  }

  @Test
  void leavesASchedulerSpringHasNotStartedAlone() throws Exception {
    when(scheduler.isStarted()).thenReturn(false);
    when(robot.available()).thenReturn(false);
    standby.check();

    when(robot.available()).thenReturn(true);
    standby.check();

    verify(scheduler, never()).standby();
    verify(scheduler, never()).start();
  }
}
