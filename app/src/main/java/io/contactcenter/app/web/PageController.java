package io.contactcenter.app.web;

import io.contactcenter.app.security.Role;
import io.contactcenter.campaigns.Campaign;
import io.contactcenter.campaigns.CampaignAttempt;
import io.contactcenter.campaigns.CampaignProgress;
import io.contactcenter.campaigns.CampaignState;
import io.contactcenter.campaigns.Campaigns;
import io.contactcenter.outboundrobot.RobotCalls;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The pages people use, each inside the shell (templates/layout.html): sign-in, the home page of
 * each role, the ops console, and "coming soon" for pages of modules not built yet. The ops pages
 * are filled by their scripts from the REST API.
 */
@Controller
class PageController {

  /** Campaigns an ops user watches on the home page: under way, or about to be. */
  private static final Set<CampaignState> ACTIVE =
      EnumSet.of(CampaignState.RUNNING, CampaignState.PAUSED, CampaignState.SCHEDULED);

  private final Campaigns campaigns;
  private final RobotCalls robotCalls;
  private final HealthEndpoint health;
  private final Clock clock;

  PageController(Campaigns campaigns, RobotCalls robotCalls, HealthEndpoint health) {
    this.campaigns = campaigns;
    this.robotCalls = robotCalls;
    this.health = health;
    this.clock = Clock.systemDefaultZone();
  }

  @GetMapping("/login")
  String login() {
    return "login";
  }

  /** The robot calls list; the phone-number filter only for those who see numbers in full. */
  @GetMapping("/robot/calls")
  String robotCalls(Authentication user, Model model) {
    model.addAttribute(
        "seesNumbers",
        io.contactcenter.app.security.PhoneNumberVisibility.of(user)
            == io.contactcenter.app.security.PhoneNumberVisibility.FULL);
    return "robot-calls";
  }

  /**
   * One robot call; opened from a campaign's results ({@code ?campaign=}), it leads back to that
   * campaign.
   */
  @GetMapping("/robot/calls/{attemptId}")
  String robotCall(
      @PathVariable String attemptId,
      @RequestParam(required = false) String campaign,
      Model model) {
    model.addAttribute("attemptId", attemptId);
    if (campaign != null) {
      campaigns.find(campaign).ifPresent(c -> model.addAttribute("campaign", c));
    }
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
    model.addAttribute(
        "seesNumbers",
        io.contactcenter.app.security.PhoneNumberVisibility.of(user)
            == io.contactcenter.app.security.PhoneNumberVisibility.FULL);
    return "campaign";
  }

  /** QA: the conversations to review (issue 15). */
  @GetMapping("/qa/reviews")
  String qaReviews() {
    return "qa-reviews";
  }

  /** QA: one conversation's recording, transcript, score card and review form. */
  @GetMapping("/qa/reviews/{conversationId}")
  String qaReview(@PathVariable String conversationId, Model model) {
    model.addAttribute("conversationId", conversationId);
    return "qa-review";
  }

  /** QA: open appeals for a reviewer to decide, and the decided ones. */
  @GetMapping("/qa/appeals")
  String qaAppeals() {
    return "qa-appeals";
  }

  /** QA: the rules as data, listed and edited. */
  @GetMapping("/qa/rules")
  String qaRules() {
    return "qa-rules";
  }

  /** QA figures by agent and team, for QA staff and supervisors (ADR 0026). */
  @GetMapping("/qa/reports")
  String qaReports(org.springframework.security.core.Authentication user, Model model) {
    var roles = Navigation.roles(user);
    model.addAttribute(
        "canEditTeams",
        roles.contains(io.contactcenter.app.security.Role.QA)
            || roles.contains(io.contactcenter.app.security.Role.ADMIN));
    return "qa-reports";
  }

  /** Calibrations: reviewers score one conversation independently (ADR 0026). */
  @GetMapping("/qa/calibrations")
  String qaCalibrations() {
    return "qa-calibrations";
  }

  /** The agent's own QA scores, with the hits in the recording, and appeals. */
  @GetMapping("/agent/qa-scores")
  String myQaScores() {
    return "my-qa-scores";
  }

  /**
   * Pages of modules not built yet: the shell says so instead of a 404. SecurityConfiguration
   * guards these paths by role like the pages they stand for.
   */
  @GetMapping({"/agent/*", "/supervisor/*", "/qa/*", "/admin/*"})
  String comingSoon(HttpServletRequest request, Model model) {
    Navigation.Page page =
        Navigation.comingSoon(request.getRequestURI())
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("titleKey", page.key());
    return "coming-soon";
  }

  /**
   * Whether the page offers the controls that change a campaign; supervisors and QA only watch. The
   * API enforces the same rule (SecurityConfiguration): this only hides what would be refused.
   */
  private static boolean changesCampaigns(Authentication user) {
    Set<Role> roles = Navigation.roles(user);
    return roles.contains(Role.ADMIN) || roles.contains(Role.OPS);
  }

  /**
   * A campaign under way as the ops home page lists it, with today's calls (since midnight in the
   * server's zone) among its newest {@link #TODAY_WINDOW} attempts; {@code more} when all of those
   * are today's.
   */
  record ActiveCampaign(
      Campaign campaign,
      CampaignProgress progress,
      long callsToday,
      long answeredToday,
      boolean more) {}

  private static final int TODAY_WINDOW = 1000;

  /**
   * The supervisor's summary from what exists today (campaigns and robot calls) until the wallboard
   * has queues and agents to show.
   */
  record Summary(
      int activeCampaigns, long callsInFlight, long talking, long robotCallsToday, boolean more) {}

  /** The most robot calls {@link RobotCalls#recent} returns. */
  private static final int RECENT = 200;

  /**
   * What each role does first: ops their campaigns under way, agents their state and queue,
   * supervisors the summary, QA the reviews waiting, admins also the health of the infrastructure.
   * No phone number appears on it.
   */
  @GetMapping("/")
  String home(Authentication user, Model model) {
    Set<Role> roles = Navigation.roles(user);
    model.addAttribute("roles", roles.stream().map(Role::name).toList());
    boolean ops = roles.contains(Role.OPS) || roles.contains(Role.ADMIN);
    boolean supervises = roles.contains(Role.SUPERVISOR) || roles.contains(Role.ADMIN);
    Instant startOfDay = LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant();
    List<ActiveCampaign> active =
        ops || supervises
            ? campaigns.list().stream()
                .filter(c -> ACTIVE.contains(c.state()))
                .map(c -> active(c, startOfDay))
                .toList()
            : List.of();
    if (ops) {
      model.addAttribute("activeCampaigns", active);
    }
    if (supervises) {
      long robotToday =
          robotCalls.recent(RECENT).stream()
              .filter(a -> a.createdAt() != null && !a.createdAt().isBefore(startOfDay))
              .count();
      model.addAttribute(
          "summary",
          new Summary(
              (int)
                  active.stream()
                      .filter(a -> a.campaign().state() == CampaignState.RUNNING)
                      .count(),
              active.stream().mapToLong(a -> a.progress().calling()).sum(),
              active.stream().mapToLong(a -> a.progress().talking()).sum(),
              robotToday,
              robotToday >= RECENT));
    }
    if (roles.contains(Role.ADMIN)) {
      model.addAttribute("health", components(health.health()));
    }
    return "index";
  }

  /**
   * The agent workspace (issue 12, ADR 0013): softphone, presence, call controls, disposition and
   * the caller's history; filled by agent-workspace.js.
   */
  @GetMapping({"/agent", "/agent/workspace"})
  String agentWorkspace(Model model) {
    model.addAttribute("dispositions", Disposition.values());
    return "agent-workspace";
  }

  private ActiveCampaign active(Campaign campaign, Instant startOfDay) {
    List<CampaignAttempt> today =
        campaigns.attempts(campaign.campaignId(), null, null, TODAY_WINDOW).stream()
            .filter(a -> a.createdAt() != null && !a.createdAt().isBefore(startOfDay))
            .toList();
    return new ActiveCampaign(
        campaign,
        campaigns.progress(campaign.campaignId()),
        today.size(),
        today.stream().filter(a -> "ANSWERED".equals(a.dialOutcome())).count(),
        today.size() >= TODAY_WINDOW);
  }

  private static Map<String, String> components(HealthComponent root) {
    Map<String, String> statuses = new LinkedHashMap<>();
    if (root instanceof CompositeHealth composite) {
      composite.getComponents().forEach((name, c) -> statuses.put(name, c.getStatus().getCode()));
    } else {
      statuses.put("application", root.getStatus().getCode());
    }
    return statuses;
  }
}
