package io.contactcenter.testinfra;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole contact center on a random HTTP port, wired to the shared {@link TestInfrastructure}.
 * Test classes with this annotation and no other configuration share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "cc.security.initial-admin-password=" + ContactCenterIT.ADMIN_PASSWORD,
      // The API token key is generated here, not in the source tree.
      "cc.security.data-dir=target/security-data",
      "cc.pbx.ami.initial-backoff=200ms",
      "cc.pbx.ami.max-backoff=1s",
      // The SIP media endpoint runs beside AudioSocket (still the default), so one context serves
      // both media ITs: dialplan line 4101 chooses SIP per call (CC_MEDIA_TRANSPORT).
      "cc.pbx.media.sip.enabled=true",
      "cc.ivr.hotline.input-timeout=4s",
      // Campaign tests watch retries and settling happen within a test's patience.
      "cc.campaigns.maintenance-interval=1s",
      "cc.campaigns.retry.busy=20s",
      // Long enough for CampaignRetriesIT to swap the customers' phones before the retry.
      "cc.campaigns.retry.no-answer=40s",
      "cc.campaigns.min-window-remaining=0s",
      // Not the JVM's zone, so a test proves the robot reads callback times in the configured one.
      "cc.outboundrobot.zone=Asia/Shanghai",
      // SIPp answers within a second; a line that never answers is given up on sooner.
      "cc.outboundrobot.ring-timeout=12s",
      "cc.outboundrobot.transfer.max-wait=20s",
      // CallbackRetryIT: an unanswered callback is tried again within a test's patience.
      "cc.routing.callback-attempts=2",
      "cc.routing.callback-retry-interval=3s",
      "cc.routing.callback-ring-timeout=4s",
      // Contexts in one test JVM share the database, so one of them routes (ADR 0030); when it
      // closes, another takes the lead within this.
      "cc.routing.leader-check=200ms",
      // Online chat: a test shop embedding the widget, and the key it signs customers with.
      "cc.chat.sites.test-shop.allowed-origins=http://shop.test,http://localhost:*",
      "cc.chat.sites.test-shop.identity-key=test-shop-identity-key-only",
      "cc.chat.poll-wait=5s",
      // TicketDeskIT: a group whose supervisor sees its tickets under "my groups".
      "cc.tickets.groups.tk-escalations.supervisors=tk-supervisor-1",
      // TicketDeskIT: an SMS gateway posting customer messages, with a test-only secret.
      "cc.tickets.inbound.gateways.test-sms.secret=test-sms-gateway-secret-only",
      // QA queues every recording but does not transcribe in the shared context: Vosk on every
      // test call would take the cores the robot's latency tests measure. QaTranscriptionIT runs
      // the worker in a context of its own.
      "cc.qa.transcription.enabled=false"
    })
@ContextConfiguration(initializers = TestInfrastructure.Initializer.class)
@Import({CapturedEvents.class, SpeechFailureInjection.class})
public @interface ContactCenterIT {

  /** The first admin's password in tests (a test-only value, never a default). */
  String ADMIN_PASSWORD = "test-admin-password-only";
}
