package io.contactcenter.app.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page and the home page. */
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
  String robotCall(
      @org.springframework.web.bind.annotation.PathVariable String attemptId, Model model) {
    model.addAttribute("attemptId", attemptId);
    return "robot-call";
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
