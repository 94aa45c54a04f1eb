package io.contactcenter.campaigns.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.campaigns.DoNotCallList;
import io.contactcenter.campaigns.internal.contacts.ContactCsvReader;
import io.contactcenter.outboundrobot.DialogueScripts;
import io.contactcenter.outboundrobot.RobotCalls;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires outbound campaigns. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CampaignProperties.class)
class CampaignConfiguration {

  @Bean
  JdbcCampaigns jdbcCampaigns(JdbcClient jdbc, ObjectMapper json) {
    return new JdbcCampaigns(jdbc, new JsonVariables(json));
  }

  @Bean
  JdbcContacts jdbcContacts(JdbcClient jdbc, JdbcTemplate batch, ObjectMapper json) {
    return new JdbcContacts(jdbc, batch, new JsonVariables(json));
  }

  @Bean
  JdbcAttempts jdbcAttempts(JdbcClient jdbc) {
    return new JdbcAttempts(jdbc);
  }

  @Bean
  JdbcCampaignReports jdbcCampaignReports(JdbcClient jdbc) {
    return new JdbcCampaignReports(jdbc);
  }

  @Bean
  JdbcImports jdbcImports(JdbcClient jdbc, ObjectMapper json) {
    return new JdbcImports(jdbc, new JsonWording(json));
  }

  @Bean
  JdbcDoNotCall jdbcDoNotCall(JdbcClient jdbc) {
    return new JdbcDoNotCall(jdbc);
  }

  @Bean
  CampaignService campaignService(
      JdbcCampaigns campaigns,
      JdbcContacts contacts,
      JdbcCampaignReports reports,
      JdbcImports imports,
      JdbcDoNotCall doNotCallStore,
      DialogueScripts scripts,
      RobotCalls robot,
      CampaignProperties config,
      PlatformTransactionManager transactions,
      ObjectProvider<Clock> clock) {
    return new CampaignService(
        campaigns,
        contacts,
        reports,
        imports,
        doNotCallStore,
        scripts,
        new ContactImports(
            contacts,
            imports,
            scripts,
            robot,
            new ContactCsvReader(),
            config,
            clock.getIfAvailable(Clock::systemUTC)),
        new TransactionTemplate(transactions),
        clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  RedisDialPacer redisDialPacer(
      StringRedisTemplate redis, CampaignProperties config, ObjectProvider<Clock> clock) {
    return new RedisDialPacer(
        redis, config.pacing().lease(), clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  AttemptSettlement attemptSettlement(
      JdbcCampaigns campaigns,
      JdbcContacts contacts,
      JdbcAttempts attempts,
      RobotCalls robot,
      RedisDialPacer pacer,
      DoNotCallList doNotCall,
      CampaignProperties config,
      PlatformTransactionManager transactions,
      ObjectProvider<Clock> clock) {
    // Joins the listener's own transaction (a module listener runs in a new one after the
    // publisher's commit); begins one when the dialer calls it.
    return new AttemptSettlement(
        campaigns,
        contacts,
        attempts,
        robot,
        pacer,
        doNotCall,
        new CampaignPolicies(config),
        new TransactionTemplate(transactions),
        clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  Dialer dialer(
      JdbcCampaigns campaigns,
      JdbcContacts contacts,
      JdbcAttempts attempts,
      JdbcDoNotCall doNotCallStore,
      RobotCalls robot,
      RedisDialPacer pacer,
      AttemptSettlement settlement,
      CampaignProperties config,
      PlatformTransactionManager transactions,
      ObjectProvider<Clock> clock) {
    return new Dialer(
        campaigns,
        contacts,
        attempts,
        doNotCallStore,
        robot,
        pacer,
        settlement,
        config,
        requiresNew(transactions),
        clock.getIfAvailable(Clock::systemUTC),
        nodeId(config));
  }

  @Bean
  CampaignRecovery campaignRecovery(
      JdbcCampaigns campaigns,
      JdbcContacts contacts,
      JdbcAttempts attempts,
      RobotCalls robot,
      Dialer dialer,
      DoNotCallList doNotCall,
      ObjectProvider<IncompleteEventPublications> incomplete,
      CampaignProperties config,
      PlatformTransactionManager transactions,
      ObjectProvider<Clock> clock) {
    return new CampaignRecovery(
        campaigns,
        contacts,
        attempts,
        robot,
        dialer,
        doNotCall,
        Optional.ofNullable(incomplete.getIfAvailable()),
        config,
        requiresNew(transactions),
        clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  MaintenanceStandby maintenanceStandby(RobotCalls robot, Scheduler scheduler) {
    return new MaintenanceStandby(robot, scheduler, Duration.ofSeconds(1));
  }

  /** A transaction of its own always, whatever the caller runs in. */
  private static TransactionTemplate requiresNew(PlatformTransactionManager transactions) {
    TransactionTemplate tx = new TransactionTemplate(transactions);
    tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    return tx;
  }

  @Bean
  OrderEvents orderEvents(
      JdbcCampaigns campaigns,
      JdbcContacts contacts,
      DialogueScripts scripts,
      RobotCalls robot,
      CampaignProperties config) {
    return new OrderEvents(campaigns, contacts, scripts, robot, config);
  }

  @Bean
  OrderEventsListener orderEventsListener(OrderEvents orders, ObjectMapper json) {
    return new OrderEventsListener(orders, json);
  }

  @Bean
  JobDetail campaignMaintenanceJob() {
    return JobBuilder.newJob(CampaignMaintenanceJob.class)
        .withIdentity("campaign-maintenance", "campaigns")
        .storeDurably()
        .build();
  }

  @Bean
  Trigger campaignMaintenanceTrigger(JobDetail campaignMaintenanceJob, CampaignProperties config) {
    return TriggerBuilder.newTrigger()
        .forJob(campaignMaintenanceJob)
        .withIdentity("campaign-maintenance", "campaigns")
        .withSchedule(
            SimpleScheduleBuilder.simpleSchedule()
                .withIntervalInMilliseconds(config.maintenanceInterval().toMillis())
                .repeatForever()
                // After downtime, run once rather than catching up every missed run.
                .withMisfireHandlingInstructionNextWithRemainingCount())
        .build();
  }

  private static String nodeId(CampaignProperties config) {
    if (!config.nodeId().isBlank()) {
      return config.nodeId();
    }
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    return host + ":" + ManagementFactory.getRuntimeMXBean().getPid();
  }
}
