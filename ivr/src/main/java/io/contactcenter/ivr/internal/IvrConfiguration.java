package io.contactcenter.ivr.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.asrtts.SpeechRecognizer;
import io.contactcenter.asrtts.SpeechSynthesizer;
import io.contactcenter.pbx.ChannelSession;
import io.contactcenter.routing.ContactRouting;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;
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

/** Wires the IVR flows. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IvrProperties.class)
class IvrConfiguration {

  @Bean
  StoredIvrFlows storedIvrFlows(
      JdbcClient jdbc, PlatformTransactionManager transactions, ObjectProvider<Clock> clock) {
    return new StoredIvrFlows(
        new FlowReader(),
        jdbc,
        new TransactionTemplate(transactions),
        clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  JdbcOrderLookup jdbcOrderLookup(JdbcClient jdbc) {
    return new JdbcOrderLookup(jdbc);
  }

  @Bean
  OrderEventsFeed ivrOrderEventsFeed(
      JdbcOrderLookup orders, ObjectMapper json, ObjectProvider<Clock> clock) {
    return new OrderEventsFeed(orders, json, clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  ApplicationListener<ApplicationReadyEvent> ivrDemoOrders(
      IvrProperties properties,
      JdbcOrderLookup orders,
      JdbcCustomers customers,
      ObjectProvider<Clock> clock) {
    return ready -> {
      if (properties.orders().demoData()) {
        new DemoOrders(orders, customers, clock.getIfAvailable(Clock::systemUTC)).load();
      }
    };
  }

  @Bean
  JdbcCustomers jdbcCustomers(JdbcClient jdbc) {
    return new JdbcCustomers(jdbc);
  }

  @Bean
  JdbcIvrSessions jdbcIvrSessions(JdbcClient jdbc, ObjectMapper json) {
    return new JdbcIvrSessions(jdbc, json);
  }

  @Bean
  HotlineFlowHandler hotlineFlowHandler(
      IvrProperties properties,
      StoredIvrFlows flows,
      JdbcOrderLookup table,
      JdbcIvrSessions sessions,
      JdbcCallbackRequests callbacks,
      JdbcCustomers customers,
      ApplicationEventPublisher events,
      ObjectMapper json,
      ObjectProvider<SpeechSynthesizer> tts,
      ObjectProvider<SpeechRecognizer> asr,
      ContactRouting routing,
      ObjectProvider<Clock> clock) {
    Clock time = clock.getIfAvailable(Clock::systemUTC);
    IvrProperties.Http http = properties.orders().http();
    OrderLookup orders =
        properties.orders().provider().equals("http")
            ? new HttpOrderLookup(http, HttpOrderLookup.client(http.timeout()), json, time)
            : table;
    return new HotlineFlowHandler(
        properties.hotline(),
        flows::active,
        orders,
        sessions::saveOrLog,
        events,
        callbacks::leave,
        sessions::calledSince,
        customers::byPhone,
        channels(properties.hotline(), tts, asr, orders),
        routing::isOpen,
        time);
  }

  private static java.util.function.Function<io.contactcenter.pbx.ChannelSession, CallerChannel>
      channels(
          IvrProperties.Hotline config,
          ObjectProvider<SpeechSynthesizer> tts,
          ObjectProvider<SpeechRecognizer> asr,
          OrderLookup orders) {
    // A dialplan line may choose the transport per call (extension 4001: speech).
    return call -> {
      String transport =
          call.getVariable("CC_IVR_TRANSPORT")
              .filter(t -> t.equals("keys") || t.equals("speech"))
              .orElse(config.transport());
      return transport.equals("speech")
          ? new SpeechCallerChannel(
              call,
              tts.getObject(),
              asr.getObject(),
              config.inputTimeout(),
              config.earlyEndOfAnswer(),
              config.promptInParts(),
              config.numberPause(),
              config.earlyEndOfKnownNumber() ? orders::isWholeNumber : digits -> false)
          : new KeysCallerChannel(call, config.inputTimeout());
    };
  }

  @Bean
  AgentLostHandler agentLostHandler(
      IvrProperties properties,
      StoredIvrFlows flows,
      ContactRouting routing,
      ObjectProvider<SpeechSynthesizer> tts,
      ObjectProvider<SpeechRecognizer> asr) {
    IvrProperties.Hotline config = properties.hotline();
    return new AgentLostHandler(
        routing, speechChannels(config, tts, asr), hotlineLanguage(config, flows));
  }

  @Bean
  QueueAnnouncementHandler queueAnnouncementHandler(
      IvrProperties properties,
      StoredIvrFlows flows,
      ContactRouting routing,
      ObjectProvider<SpeechSynthesizer> tts,
      ObjectProvider<SpeechRecognizer> asr) {
    IvrProperties.Hotline config = properties.hotline();
    return new QueueAnnouncementHandler(
        routing, speechChannels(config, tts, asr), hotlineLanguage(config, flows));
  }

  @Bean
  JdbcCallbackRequests jdbcCallbackRequests(
      JdbcClient jdbc, PlatformTransactionManager transactions, ApplicationEventPublisher events) {
    return new JdbcCallbackRequests(jdbc, new TransactionTemplate(transactions), events);
  }

  /** A call's speech channel for what the hotline tells a waiting caller. */
  private static Function<ChannelSession, CallerChannel> speechChannels(
      IvrProperties.Hotline config,
      ObjectProvider<SpeechSynthesizer> tts,
      ObjectProvider<SpeechRecognizer> asr) {
    return call ->
        new SpeechCallerChannel(
            call,
            tts.getObject(),
            asr.getObject(),
            config.inputTimeout(),
            config.earlyEndOfAnswer(),
            config.promptInParts(),
            config.numberPause());
  }

  /** The hotline's language: the configured one, else the active flow's. */
  private static Supplier<String> hotlineLanguage(
      IvrProperties.Hotline config, StoredIvrFlows flows) {
    return () ->
        config.language().isEmpty() ? flows.active(config.flow()).language() : config.language();
  }
}
