package io.contactcenter.app.web;

import io.contactcenter.app.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The login page, the home page and the pages of the ops console (shells their scripts fill). */
@Controller
class PageController {

  @GetMapping("/login")
  String login() {
    return "login";
  }

  @GetMapping("/robot/calls")
  String robotCalls() {
    return "robot-calls";
  }

  @GetMapping("/robot/calls/{attemptId}")
  String robotCall(@PathVariable String attemptId, Model model) {
    model.addAttribute("attemptId", attemptId);
    return "robot-call";
  }

  @GetMapping("/campaigns")
  String campaigns(Authentication user, Model model) {
    model.addAttribute("canEdit", changesCampaigns(user));
    return "campaigns";
  }

  @GetMapping("/campaigns/{campaignId}")
  String campaign(@PathVariable String campaignId, Authentication user, Model model) {
    model.addAttribute("campaignId", campaignId);
    model.addAttribute("canEdit", changesCampaigns(user));
    return "campaign";
  }

  /**
   * Whether the page offers the controls that change a campaign; supervisors and QA only watch. The
   * API enforces the same rule (SecurityConfiguration): this only hides what would be refused.
   */
  private static boolean changesCampaigns(Authentication user) {
    return user.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .anyMatch(a -> a.equals(Role.ADMIN.authority()) || a.equals(Role.OPS.authority()));
  }

  @GetMapping("/")
  String home(Authentication user, Model model) {
    model.addAttribute("username", user.getName());
    model.addAttribute(
        "roles",
        user.getAuthorities().stream()
            .map(a -> a.getAuthority().replace("ROLE_", ""))
            .sorted()
            .toList());
    return "index";
  }
}
