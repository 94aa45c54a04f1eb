package io.contactcenter.pbx.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoftphoneConfigFileTest {

  private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");

  @Test
  void endpointNamesAreReadableAndSafeInConfigAndDialStrings() {
    assertThat(SoftphoneConfigFile.endpointOf("alice")).matches("web-alice-[0-9a-f]{8}");
    assertThat(SoftphoneConfigFile.endpointOf("王小明]\n[x](agent)"))
        .matches("web-xagent-[0-9a-f]{8}");
    assertThat(SoftphoneConfigFile.endpointOf("王小明")).matches("web-[0-9a-f]{8}");
    assertThat(SoftphoneConfigFile.endpointOf("a-very-long-agent-name-indeed"))
        .matches("web-averylongagentna-[0-9a-f]{8}");
  }

  @Test
  void namesThatDifferOnlyInPunctuationOrCaseGetTheirOwnEndpoints() {
    assertThat(SoftphoneConfigFile.endpointOf("Alice"))
        .isNotEqualTo(SoftphoneConfigFile.endpointOf("alice"))
        .isNotEqualTo(SoftphoneConfigFile.endpointOf("al.ice"));
    assertThat(SoftphoneConfigFile.endpointOf("alice"))
        .isEqualTo(SoftphoneConfigFile.endpointOf("alice"));
  }

  @Test
  void rendersAnEndpointAorAndAuthPerAgentFromThePjsipTemplates() {
    String text =
        SoftphoneConfigFile.render(
            Map.of(
                "web-alice-00000001",
                new SoftphoneConfigFile.Entry("s3cret", NOW.plusSeconds(3600))),
            NOW);

    assertThat(text)
        .contains("[web-alice-00000001](agent)\nauth = web-alice-00000001\n")
        .contains("aors = web-alice-00000001\n")
        .contains("[web-alice-00000001](agent-aor)\n")
        .contains(
            "[web-alice-00000001]\ntype = auth\nauth_type = userpass\n"
                + "username = web-alice-00000001\npassword = s3cret\n");
  }

  @Test
  void leavesOutExpiredCredentialsSoAsteriskRefusesThem() {
    String text =
        SoftphoneConfigFile.render(
            Map.of(
                "web-old-00000001", new SoftphoneConfigFile.Entry("old", NOW),
                "web-new-00000002", new SoftphoneConfigFile.Entry("new", NOW.plusSeconds(1))),
            NOW);

    assertThat(text).doesNotContain("web-old").doesNotContain("old\n").contains("web-new");
  }
}
