package io.contactcenter.tickets.internal;

import io.contactcenter.campaigns.Campaigns;
import io.contactcenter.outboundrobot.RobotCalls;
import io.contactcenter.routing.AgentDesk;
import io.contactcenter.routing.ContactRouting;
import io.contactcenter.tickets.spi.TicketAssigner;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the ticket desk. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TicketProperties.class)
class TicketConfiguration {

  @Bean
  JdbcTickets jdbcTickets(JdbcClient jdbc) {
    return new JdbcTickets(jdbc);
  }

  @Bean
  JdbcTicketHistory jdbcTicketHistory(JdbcClient jdbc) {
    return new JdbcTicketHistory(jdbc);
  }

  @Bean
  TicketNotifications ticketNotifications(JdbcClient jdbc) {
    return new TicketNotifications(jdbc);
  }

  @Bean
  SlaTracker slaTracker(
      JdbcClient jdbc,
      TicketNotifications notifications,
      JdbcTickets tickets,
      JdbcTicketHistory history,
      TicketProperties config,
      ApplicationEventPublisher events,
      PlatformTransactionManager transactions,
      ObjectProvider<Clock> clock) {
    return new SlaTracker(
        tickets,
        new JdbcSlaChecks(jdbc),
        history,
        new JdbcSlaAlerts(jdbc),
        notifications,
        new SlaPolicies(config.sla()),
        BusinessCalendars.of(config),
        config,
        events,
        new TransactionTemplate(transactions),
        clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  JdbcTicketRouting jdbcTicketRouting(JdbcClient jdbc) {
    return new JdbcTicketRouting(jdbc);
  }

  @Bean
  JdbcTicketFields jdbcTicketFields(JdbcClient jdbc) {
    return new JdbcTicketFields(jdbc);
  }

  @Bean
  FieldDesk fieldDesk(
      JdbcTicketFields fields,
      JdbcTickets tickets,
      JdbcTicketHistory history,
      PlatformTransactionManager transactions,
      ObjectProvider<Clock> clock) {
    return new FieldDesk(
        fields,
        tickets,
        history,
        new TransactionTemplate(transactions),
        clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  ViewDesk viewDesk(JdbcClient jdbc, ObjectProvider<Clock> clock) {
    return new ViewDesk(jdbc, clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  TicketService ticketService(
      JdbcClient jdbc,
      JdbcTickets tickets,
      JdbcTicketHistory history,
      JdbcTicketRouting routing,
      JdbcTicketFields fields,
      SlaTracker sla,
      TicketNotifications notifications,
      ObjectProvider<TicketAssigner> assigners,
      ApplicationEventPublisher events,
      TicketProperties config,
      PlatformTransactionManager transactions,
      ObjectProvider<Clock> clock) {
    // Another module's TicketAssigner (the routing engine) takes over from the round robin.
    TicketAssigner assigner = assigners.getIfAvailable(() -> new RoundRobinAssigner(jdbc, config));
    Clock now = clock.getIfAvailable(Clock::systemUTC);
    TicketChanges changes = new TicketChanges(tickets, history, fields, sla, events);
    return new TicketService(
        new TicketIntake(tickets, history, fields, sla, assigner, events, config, changes, now),
        changes,
        new TicketListing(tickets, history, fields, sla, config, now, readOnly(transactions)),
        tickets,
        history,
        routing,
        sla,
        notifications,
        assigner,
        new TransactionTemplate(transactions),
        now);
  }

  @Bean
  AttachmentDesk attachmentDesk(
      JdbcClient jdbc,
      JdbcTickets tickets,
      JdbcTicketHistory history,
      TicketProperties config,
      PlatformTransactionManager transactions,
      ObjectProvider<Clock> clock) {
    return new AttachmentDesk(
        tickets,
        history,
        new JdbcTicketAttachments(jdbc),
        config.attachments(),
        new TransactionTemplate(transactions),
        clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  RobotTicketListener robotTicketListener(
      TicketService desk, RobotCalls robot, Campaigns campaigns) {
    return new RobotTicketListener(desk, robot, campaigns);
  }

  @Bean
  HotlineTicketListener hotlineTicketListener(TicketService desk, TicketProperties config) {
    return new HotlineTicketListener(desk, config.hotline().countryCode());
  }

  /** After a restart every active ticket is rechecked: policies or the calendar may differ. */
  @Bean
  ApplicationListener<ApplicationReadyEvent> ticketSlaRecheck(SlaTracker sla) {
    return ready -> sla.recheckAll();
  }

  @Bean
  TicketRouting ticketRouting(
      JdbcTicketRouting places,
      TicketService desk,
      ContactRouting routing,
      AgentDesk agents,
      TicketProperties config,
      ObjectProvider<Clock> clock) {
    return new TicketRouting(
        places, desk, routing, agents, config, clock.getIfAvailable(Clock::systemUTC));
  }

  /**
   * The shop's webhook on status changes; does nothing while {@code cc.tickets.webhook.url} is
   * empty.
   */
  @Bean
  ShopWebhook shopWebhook(
      JdbcClient jdbc,
      TicketProperties config,
      PlatformTransactionManager transactions,
      ObjectProvider<Clock> clock) {
    return new ShopWebhook(
        jdbc,
        config.webhook(),
        new TransactionTemplate(transactions),
        clock.getIfAvailable(Clock::systemUTC));
  }

  /** Customer messages from email/SMS gateways, signed (ADR 0027). */
  @Bean
  GatewayInbox gatewayInbox(
      JdbcClient jdbc,
      TicketService desk,
      TicketProperties config,
      PlatformTransactionManager transactions,
      ObjectProvider<Clock> clock) {
    return new GatewayInbox(
        jdbc,
        desk,
        config.inbound(),
        new TransactionTemplate(transactions),
        clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  SlaSweeper slaSweeper(SlaTracker sla, TicketRouting routing, TicketProperties config) {
    return new SlaSweeper(sla, routing::takeBackIdle, config.sweepInterval());
  }

  private static TransactionTemplate readOnly(PlatformTransactionManager transactions) {
    TransactionTemplate reads = new TransactionTemplate(transactions);
    reads.setReadOnly(true);
    return reads;
  }
}
