package io.contactcenter.campaigns.internal;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Quartz job (clustered JDBC store: one instance runs it at a time) that releases work and recovers
 * from crashes; it never dials. Only calls the application service.
 */
@DisallowConcurrentExecution
public class CampaignMaintenanceJob extends QuartzJobBean {

  private final CampaignRecovery recovery;

  CampaignMaintenanceJob(CampaignRecovery recovery) {
    this.recovery = recovery;
  }

  @Override
  protected void executeInternal(JobExecutionContext context) {
    recovery.maintain();
  }
}
