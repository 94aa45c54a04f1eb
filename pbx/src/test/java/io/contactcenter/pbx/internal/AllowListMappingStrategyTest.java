package io.contactcenter.pbx.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AllowListMappingStrategyTest {

  private final AgiScript hotline = (request, channel) -> {};
  private final AgiScript robot = (request, channel) -> {};
  private final AllowListMappingStrategy strategy =
      new AllowListMappingStrategy(Map.of("hotline", hotline, "robot", robot));
  private final AgiChannel channel = mock(AgiChannel.class);

  private AgiScript scriptFor(String script) {
    AgiRequest request = mock(AgiRequest.class);
    when(request.getScript()).thenReturn(script);
    when(request.getChannel()).thenReturn("PJSIP/caller-00000001");
    return strategy.determineScript(request, channel);
  }

  @Test
  void mapsAnAllowedScriptToItsHandler() {
    assertThat(scriptFor("hotline")).isSameAs(hotline);
    assertThat(scriptFor("robot")).isSameAs(robot);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/hotline", "//hotline", "hotline?lang=de", "/hotline?x=1&y=2"})
  void ignoresLeadingSlashesAndTheQueryString(String script) {
    assertThat(scriptFor(script)).isSameAs(hotline);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "unknown",
        "Hotline",
        "hotline/",
        "hotline.groovy",
        "io.contactcenter.pbx.internal.GuardedAgiScript",
        "../hotline",
        "",
        "?hotline"
      })
  void refusesAnythingNotOnTheAllowList(String script) {
    assertThat(scriptFor(script)).isNull();
  }

  @Test
  void refusesARequestWithoutAScript() {
    assertThat(scriptFor(null)).isNull();
  }

  @Test
  void theAllowListCannotBeChangedThroughTheMapItWasBuiltFrom() {
    HashMap<String, AgiScript> scripts = new HashMap<>(Map.of("hotline", hotline));
    AllowListMappingStrategy fromMutable = new AllowListMappingStrategy(scripts);
    scripts.put("robot", robot);
    AgiRequest request = mock(AgiRequest.class);
    when(request.getScript()).thenReturn("robot");

    assertThat(fromMutable.determineScript(request, channel)).isNull();
  }
}
