package io.contactcenter.pbx.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Missing or invalid configuration stops the start-up with a message that names the key. */
class PbxPropertiesValidationTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(PbxProperties.class)
  static class PropertiesOnly {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
          .withUserConfiguration(PropertiesOnly.class);

  @Test
  void defaultsApplyWhenOnlyTheSecretIsGiven() {
    runner
        .withPropertyValues("cc.pbx.ami.password=secret")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              PbxProperties p = context.getBean(PbxProperties.class);
              assertThat(p.ami().host()).isEqualTo("127.0.0.1");
              assertThat(p.ami().port()).isEqualTo(5038);
              assertThat(p.fastagi().bindAddress()).isEqualTo("127.0.0.1");
              assertThat(p.originate().trunks()).containsExactly("trunk-test");
              assertThat(p.media().transport()).isEqualTo(MediaTransport.AUDIOSOCKET);
              assertThat(p.media().sipEnabled()).as("no SIP stack by default").isFalse();
              assertThat(p.fastagi().requestTimeout()).hasSeconds(5);
              assertThat(p.fastagi().maxPendingPerPeer()).isEqualTo(16);
              assertThat(p.audiosocket().handshakeTimeout()).hasSeconds(5);
              assertThat(p.audiosocket().maxPendingPerPeer()).isEqualTo(16);
            });
  }

  @Test
  void transportSipBindsAndRunsTheSipEndpoint() {
    runner
        .withPropertyValues("cc.pbx.ami.password=secret", "cc.pbx.media.transport=sip")
        .run(
            context -> {
              PbxProperties p = context.getBean(PbxProperties.class);
              assertThat(p.media().transport()).isEqualTo(MediaTransport.SIP);
              assertThat(p.media().sipEnabled()).isTrue();
              assertThat(p.media().sip().answerTimeout()).hasSeconds(5);
            });
  }

  @Test
  void anUnknownTransportNamesTheKey() {
    runner
        .withPropertyValues("cc.pbx.ami.password=secret", "cc.pbx.media.transport=webrtc")
        .run(
            context ->
                assertThat(context).getFailure().hasStackTraceContaining("cc.pbx.media.transport"));
  }

  @Test
  void anAdvertisedSipHostThatCouldBreakTheDialStringNamesTheKey() {
    runner
        .withPropertyValues(
            "cc.pbx.ami.password=secret", "cc.pbx.media.sip.advertised-host=evil,host")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining("cc.pbx.media.sip.advertisedHost"));
  }

  @Test
  void aMissingAmiSecretNamesTheKey() {
    runner.run(
        context ->
            assertThat(context)
                .getFailure()
                .rootCause()
                .hasMessageContaining("cc.pbx.ami.password"));
  }

  @Test
  void aPortThatIsNotANumberNamesTheKey() {
    runner
        .withPropertyValues("cc.pbx.ami.password=secret", "cc.pbx.ami.port=fifty")
        .run(
            context -> assertThat(context).getFailure().hasStackTraceContaining("cc.pbx.ami.port"));
  }

  @Test
  void aPortOutOfRangeNamesTheKey() {
    runner
        .withPropertyValues("cc.pbx.ami.password=secret", "cc.pbx.fastagi.port=70000")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("cc.pbx.fastagi.port"));
  }

  @Test
  void aTrunkNameThatCouldInjectIntoADialStringIsRefused() {
    runner
        .withPropertyValues("cc.pbx.ami.password=secret", "cc.pbx.originate.trunks=evil/SIP&x")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("cc.pbx.originate.trunks"));
  }

  @Test
  void aRequestTimeoutOfZeroWouldWaitForeverAndNamesTheKey() {
    runner
        .withPropertyValues("cc.pbx.ami.password=secret", "cc.pbx.fastagi.request-timeout=0s")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("cc.pbx.fastagi.requestTimeout"));
  }

  @Test
  void aPerPeerCapBelowOneNamesTheKey() {
    runner
        .withPropertyValues(
            "cc.pbx.ami.password=secret", "cc.pbx.audiosocket.max-pending-per-peer=0")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("cc.pbx.audiosocket.maxPendingPerPeer"));
  }
}
