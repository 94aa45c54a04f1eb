package io.contactcenter.app.web;

import io.contactcenter.asrtts.SpeechRecognizer;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Admins read the configuration in force (read only, no secrets): one section per module, titled in
 * the page's language, and the languages the robot speaks and understands.
 */
@Controller
class SettingsController {

  /** A group as the page shows it: its title in the page's language, then its settings. */
  record Section(
      String id, String title, String prefix, List<EffectiveSettings.Setting> settings) {}

  private final EffectiveSettings settings;
  private final MessageSource messages;
  private final SpeechRecognizer recognizer;

  SettingsController(
      ApplicationContext context, MessageSource messages, SpeechRecognizer recognizer) {
    this.settings = new EffectiveSettings(context);
    this.messages = messages;
    this.recognizer = recognizer;
  }

  @GetMapping("/admin/settings")
  String settings(Model model, Locale locale) {
    model.addAttribute(
        "sections",
        settings.groups().stream()
            .map(
                g ->
                    new Section(
                        "settings-" + g.prefix().replace('.', '-'),
                        messages.getMessage(
                            "settings.group." + g.prefix(), null, g.prefix(), locale),
                        g.prefix(),
                        g.settings()))
            .toList());
    model.addAttribute("speaks", List.of("en", "zh"));
    model.addAttribute("understands", recognizer.languages().stream().sorted().toList());
    model.addAttribute("hidden", EffectiveSettings.HIDDEN);
    return "settings";
  }
}
