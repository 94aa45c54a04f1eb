package io.contactcenter.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.contactcenter.asrtts.SpeechRecognizer;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The settings page renders in the shell in both languages, for admins only. */
@WebMvcTest(SettingsController.class)
@Import(WebConfiguration.class)
class SettingsPageTest {

  @TestConfiguration
  @ComponentScan(
      basePackages = "io.contactcenter.app.security",
      useDefaultFilters = false,
      includeFilters =
          @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*\\.SecurityConfiguration"))
  static class Security {}

  @Autowired MockMvc mvc;
  @MockitoBean SpeechRecognizer recognizer;
  @MockitoBean UserLanguages languages;

  @Test
  @WithMockUser(username = "root", roles = "ADMIN")
  void adminsReadTheSpeechLanguagesAndSettingsInTheirLanguage() throws Exception {
    when(recognizer.languages()).thenReturn(Set.of("en"));
    for (String language : List.of("en", "zh-CN")) {
      String html =
          mvc.perform(get("/admin/settings").header("Accept-Language", language))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(html).contains("<html lang=\"" + language + "\"").doesNotContain("??");
      assertThat(html.split("<h1", -1)).hasSize(2);
      if (language.equals("en")) {
        assertThat(html).contains("Speech languages").contains("English, Chinese");
      } else {
        assertThat(html).contains("系统设置").contains("语音语言");
      }
    }
    when(recognizer.languages()).thenReturn(Set.of());
    assertThat(
            mvc.perform(get("/admin/settings").header("Accept-Language", "en"))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("callees answer by keys");
  }

  @Test
  @WithMockUser(username = "olivia", roles = "OPS")
  void otherRolesMayNotOpenIt() throws Exception {
    mvc.perform(get("/admin/settings")).andExpect(status().isForbidden());
  }
}
