package io.contactcenter.app.events;

import java.time.Clock;
import java.util.Optional;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;

/** The cluster's look for event deliveries no instance finished (ADR 0059). */
@Configuration(proxyBeanMethods = false)
class EventRedeliveryConfiguration {

  @Bean
  StaleEventRedelivery staleEventRedelivery(
      ObjectProvider<IncompleteEventPublications> publications, EventRedeliveryProperties config) {
    return new StaleEventRedelivery(
        Optional.ofNullable(publications.getIfAvailable()), config, Clock.systemUTC());
  }

  @Bean
  JobDetail staleEventRedeliveryJob() {
    return JobBuilder.newJob(StaleEventRedeliveryJob.class)
        .withIdentity("stale-event-redelivery", "events")
        .storeDurably()
        .build();
  }

  @Bean
  Trigger staleEventRedeliveryTrigger(
      JobDetail staleEventRedeliveryJob, EventRedeliveryProperties config) {
    return TriggerBuilder.newTrigger()
        .forJob(staleEventRedeliveryJob)
        .withIdentity("stale-event-redelivery", "events")
        .withSchedule(
            SimpleScheduleBuilder.simpleSchedule()
                .withIntervalInMilliseconds(config.check().toMillis())
                .repeatForever()
                // After downtime, one look rather than one per missed minute.
                .withMisfireHandlingInstructionNextWithRemainingCount())
        .build();
  }
}
