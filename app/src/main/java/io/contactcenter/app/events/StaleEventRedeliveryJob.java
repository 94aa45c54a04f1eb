package io.contactcenter.app.events;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Quartz job (clustered JDBC store: one instance of the cluster runs it at a time) that sends again
 * the event deliveries no instance finished ({@link StaleEventRedelivery}).
 */
@DisallowConcurrentExecution
public class StaleEventRedeliveryJob extends QuartzJobBean {

  private final StaleEventRedelivery redelivery;

  StaleEventRedeliveryJob(StaleEventRedelivery redelivery) {
    this.redelivery = redelivery;
  }

  @Override
  protected void executeInternal(JobExecutionContext context) {
    redelivery.redeliver();
  }
}
