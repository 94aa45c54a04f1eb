package io.contactcenter.app.security;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. Every API endpoint names the roles it needs; an API path not listed here is
 * denied to everyone, so a new endpoint cannot be exposed by accident.
 *
 * <p>How a request signs in: the form (a session cookie), HTTP Basic or a personal access token
 * ({@code Authorization: Bearer ccp_…}). Basic and the form go through the {@link SignInThrottle}
 * and the password hash's own threads ({@link BoundedPasswordHashing}); tokens need no password
 * hash at all. docs/security.md describes the threats and defences.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

  private static final String ADMIN = Role.ADMIN.name();
  private static final String SUPERVISOR = Role.SUPERVISOR.name();
  private static final String OPS = Role.OPS.name();
  private static final String QA = Role.QA.name();
  private static final String AGENT = Role.AGENT.name();

  /**
   * Pages load scripts, styles and media from this server only; no inline script or style, no
   * framing, forms post only here. Swagger UI alone gets inline styles (its renderer sets them).
   * Media may also come from blob: URLs, which is how the prompt editor plays audio it synthesized.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " media-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none';"
          + " form-action 'self'; frame-ancestors 'none'";

  private static final String SWAGGER_POLICY =
      CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http,
      ObjectProvider<SignIn> signInProvider,
      ObjectProvider<io.contactcenter.pbx.Softphones> softphones)
      throws Exception {
    String pagePolicy = withSoftphoneSocket(CONTENT_SECURITY_POLICY, softphones.getIfAvailable());
    RequestMatcher swagger =
        new OrRequestMatcher(antMatcher("/swagger-ui/**"), antMatcher("/swagger-ui.html"));
    http.authorizeHttpRequests(
            auth ->
                // The end of a live stream (SSE) is an async dispatch of a request authorized when
                // it began; checked again, it failed for an account just disabled or signed out
                // and Tomcat logged an ERROR on the committed response.
                auth.dispatcherTypeMatchers(DispatcherType.ASYNC)
                    .permitAll()
                    .requestMatchers(
                        "/login", "/language", "/css/**", "/js/**", "/favicon.ico", "/error")
                    .permitAll()
                    .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                    .permitAll()
                    .requestMatchers("/actuator/**")
                    .hasRole(ADMIN)
                    .requestMatchers("/api/v1/me", "/api/v1/me/**", "/account/**")
                    .authenticated()
                    .requestMatchers("/api/v1/users", "/api/v1/users/**", "/api/v1/audit")
                    .hasRole(ADMIN)
                    .requestMatchers("/admin/**")
                    .hasRole(ADMIN)
                    .requestMatchers(HttpMethod.POST, "/api/v1/calls/originate")
                    .hasAnyRole(ADMIN, OPS)
                    .requestMatchers(HttpMethod.GET, "/api/v1/calls/*/recording")
                    .hasAnyRole(ADMIN, SUPERVISOR, OPS, QA)
                    .requestMatchers("/robot/**")
                    .hasAnyRole(ADMIN, SUPERVISOR, OPS, QA)
                    .requestMatchers(HttpMethod.GET, "/api/v1/calls", "/api/v1/calls/**")
                    .hasAnyRole(ADMIN, SUPERVISOR, OPS, QA, AGENT)
                    .requestMatchers(HttpMethod.GET, "/api/v1/speech/languages")
                    .hasAnyRole(ADMIN, SUPERVISOR, OPS, QA)
                    .requestMatchers(HttpMethod.POST, "/api/v1/speech/transcribe")
                    .hasAnyRole(ADMIN, SUPERVISOR, OPS, QA)
                    .requestMatchers(HttpMethod.POST, "/api/v1/speech/synthesize")
                    .hasAnyRole(ADMIN, OPS)
                    .requestMatchers(HttpMethod.POST, "/api/v1/intents/classify")
                    .hasAnyRole(ADMIN, SUPERVISOR, OPS, QA, AGENT)
                    .requestMatchers(HttpMethod.POST, "/api/v1/robot/calls")
                    .hasAnyRole(ADMIN, OPS)
                    .requestMatchers(
                        HttpMethod.GET, "/api/v1/robot/calls", "/api/v1/robot/calls/**")
                    .hasAnyRole(ADMIN, SUPERVISOR, OPS, QA)
                    .requestMatchers(HttpMethod.GET, "/api/v1/scripts", "/api/v1/scripts/**")
                    .hasAnyRole(ADMIN, SUPERVISOR, OPS, QA)
                    .requestMatchers(
                        HttpMethod.POST,
                        "/api/v1/scripts",
                        "/api/v1/scripts/*/versions/*/prompts",
                        "/api/v1/scripts/*/versions/*/test-calls")
                    .hasAnyRole(ADMIN, OPS)
                    .requestMatchers(HttpMethod.GET, "/api/v1/campaigns", "/api/v1/campaigns/**")
                    .hasAnyRole(ADMIN, SUPERVISOR, OPS, QA)
                    .requestMatchers("/api/v1/campaigns", "/api/v1/campaigns/**")
                    .hasAnyRole(ADMIN, OPS)
                    .requestMatchers(HttpMethod.GET, "/api/v1/do-not-call/**")
                    .hasAnyRole(ADMIN, SUPERVISOR, OPS)
                    .requestMatchers(
                        "/api/v1/do-not-call", "/api/v1/do-not-call/**", "/api/v1/consents")
                    .hasAnyRole(ADMIN, OPS)
                    .requestMatchers("/campaigns", "/campaigns/**")
                    .hasAnyRole(ADMIN, SUPERVISOR, OPS, QA)
                    // Tickets (issue 14): agents and supervisors work them; ops accounts (the
                    // shop's systems, gateways) open them and add customer messages.
                    .requestMatchers(HttpMethod.POST, "/api/v1/tickets")
                    .hasAnyRole(ADMIN, SUPERVISOR, AGENT, OPS)
                    .requestMatchers(HttpMethod.POST, "/api/v1/tickets/*/customer-messages")
                    .hasAnyRole(ADMIN, SUPERVISOR, AGENT, OPS)
                    // Email/SMS gateways sign each call with their own secret instead of signing
                    // in (ADR 0027): the controller checks the signature.
                    .requestMatchers(HttpMethod.POST, "/api/v1/tickets/inbound/*")
                    .permitAll()
                    // Custom field definitions are the admins' (ADR 0023).
                    .requestMatchers(HttpMethod.PUT, "/api/v1/tickets/fields/*")
                    .hasRole(ADMIN)
                    .requestMatchers("/api/v1/tickets", "/api/v1/tickets/**")
                    .hasAnyRole(ADMIN, SUPERVISOR, AGENT)
                    // Routing (issue 11): the agent's desk is the signed-in agent's own.
                    .requestMatchers("/api/v1/agent", "/api/v1/agent/**")
                    .hasRole(AGENT)
                    .requestMatchers(HttpMethod.GET, "/api/v1/routing/agents")
                    .hasAnyRole(ADMIN, SUPERVISOR)
                    .requestMatchers(
                        HttpMethod.GET, "/api/v1/routing/service-levels", "/api/v1/routing/waiting")
                    .hasAnyRole(ADMIN, SUPERVISOR)
                    .requestMatchers("/api/v1/routing/**")
                    .hasRole(ADMIN)
                    // Supervision (issue 12): the wallboard for supervisors and admins;
                    // listening in on a call is the supervisor's alone (ADR 0018).
                    .requestMatchers(HttpMethod.POST, "/api/v1/supervisor/calls/**")
                    .hasRole(SUPERVISOR)
                    .requestMatchers("/api/v1/supervisor/**")
                    .hasAnyRole(ADMIN, SUPERVISOR)
                    // ivr: hotline flows, sessions and reports are for admins.
                    .requestMatchers("/api/v1/ivr", "/api/v1/ivr/**")
                    .hasRole(ADMIN)
                    // The pages of each role (web.Navigation shows a link only where these allow).
                    // The ticket pages follow the ticket API: supervisors and admins work tickets
                    // too (ADR 0027).
                    .requestMatchers("/agent/tickets", "/agent/tickets/**")
                    .hasAnyRole(ADMIN, SUPERVISOR, AGENT)
                    .requestMatchers("/agent/**")
                    .hasRole(AGENT)
                    // The wallboard's softphone rings only for listening in: supervisors'.
                    .requestMatchers("/supervisor/api/softphone/**")
                    .hasRole(SUPERVISOR)
                    .requestMatchers("/supervisor/**")
                    .hasAnyRole(ADMIN, SUPERVISOR)
                    // QA reports are for supervisors too (ADR 0026).
                    .requestMatchers("/qa/reports")
                    .hasAnyRole(ADMIN, QA, SUPERVISOR)
                    .requestMatchers("/qa/**")
                    .hasAnyRole(ADMIN, QA)
                    // Online chat (issue 13). Visitors never sign in: the /chat API checks a
                    // visitor token and the site's allowed origins itself.
                    .requestMatchers("/chat/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, "/api/v1/kb/faqs/import")
                    .hasRole(ADMIN)
                    .requestMatchers("/api/v1/kb/cold-start", "/api/v1/kb/cold-start/**")
                    .hasRole(ADMIN)
                    .requestMatchers("/api/v1/kb/suggestions", "/api/v1/kb/suggestions/**")
                    .hasRole(ADMIN)
                    .requestMatchers(HttpMethod.PUT, "/api/v1/kb/faqs/**")
                    .hasRole(ADMIN)
                    .requestMatchers(HttpMethod.DELETE, "/api/v1/kb/faqs/**")
                    .hasRole(ADMIN)
                    .requestMatchers("/api/v1/kb/synonyms/**")
                    .hasRole(ADMIN)
                    .requestMatchers(HttpMethod.GET, "/api/v1/kb/faqs/export")
                    .hasRole(ADMIN)
                    .requestMatchers(HttpMethod.GET, "/api/v1/kb/faqs")
                    .hasAnyRole(ADMIN, SUPERVISOR, AGENT)
                    .requestMatchers(HttpMethod.POST, "/api/v1/bot/answer")
                    .hasAnyRole(ADMIN, SUPERVISOR, AGENT, QA)
                    .requestMatchers("/api/v1/chat/**")
                    .hasAnyRole(ADMIN, SUPERVISOR, AGENT)
                    // QA (issue 15): agents appeal; QA staff and admins change rules, review and
                    // decide appeals; supervisors read.
                    .requestMatchers(HttpMethod.POST, "/api/v1/qa/conversations/*/appeals")
                    .hasAnyRole(ADMIN, AGENT)
                    .requestMatchers("/api/v1/qa/my/**")
                    .hasRole(AGENT)
                    .requestMatchers(HttpMethod.GET, "/api/v1/qa/**")
                    .hasAnyRole(ADMIN, SUPERVISOR, QA)
                    .requestMatchers("/api/v1/qa/**")
                    .hasAnyRole(ADMIN, QA)
                    .requestMatchers("/api/**")
                    .denyAll()
                    .anyRequest()
                    .authenticated())
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
        // Pages read the token from the XSRF-TOKEN cookie and send it as a header. A request that
        // signed in with the token or Basic credentials it carries has no ambient credentials, so
        // the CSRF check does not apply to it; any other request (a session cookie, whatever its
        // headers say) is checked.
        .csrf(
            csrf ->
                csrf.csrfTokenRepository(csrfCookies())
                    .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                    .ignoringRequestMatchers(HeaderCredentials::used)
                    // The chat's visitor API carries its credential in a header, not a cookie.
                    .ignoringRequestMatchers("/chat/**")
                    // So do the gateways' signed calls (ADR 0027).
                    .ignoringRequestMatchers("/api/v1/tickets/inbound/*"))
        .headers(
            headers ->
                headers
                    .addHeaderWriter(
                        new DelegatingRequestMatcherHeaderWriter(
                            new NegatedRequestMatcher(swagger),
                            new StaticHeadersWriter("Content-Security-Policy", pagePolicy)))
                    .addHeaderWriter(
                        new DelegatingRequestMatcherHeaderWriter(
                            swagger,
                            new StaticHeadersWriter("Content-Security-Policy", SWAGGER_POLICY)))
                    .frameOptions(frame -> frame.deny())
                    .referrerPolicy(
                        referrer ->
                            referrer.policy(
                                org.springframework.security.web.header.writers
                                    .ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    SignIn signIn = signInProvider.getIfAvailable();
    if (signIn == null) {
      // Web slice tests (@WebMvcTest) check the rules above without PostgreSQL and Redis.
      http.formLogin(form -> form.loginPage("/login").permitAll())
          .httpBasic(Customizer.withDefaults());
      return http.build();
    }
    SignInResponses responses = signIn.responses();
    http.authenticationManager(signIn.manager())
        .formLogin(
            form ->
                form.loginPage("/login")
                    .successHandler(responses.formSuccess())
                    .failureHandler(responses)
                    .permitAll())
        // Basic is added here, before the CSRF filter, instead of by httpBasic() (after it).
        .httpBasic(AbstractHttpConfigurer::disable)
        .addFilterBefore(
            new ApiTokenFilter(signIn.tokens(), signIn.accounts(), signIn.throttle(), responses),
            CsrfFilter.class)
        .addFilterBefore(new BasicCredentialsFilter(signIn.manager(), responses), CsrfFilter.class)
        .addFilterBefore(new AccountStateFilter(signIn.accounts(), responses), CsrfFilter.class)
        // API calls get a problem detail with 401, not a redirect to the login page and not a
        // browser prompt.
        .exceptionHandling(
            ex -> ex.defaultAuthenticationEntryPointFor(responses, antMatcher("/api/**")));
    return http.build();
  }

  /** SameSite=Lax like the session cookie; Secure whenever the request came over TLS. */
  private static CookieCsrfTokenRepository csrfCookies() {
    CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
    repository.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
    return repository;
  }

  /**
   * The agent page's and the wallboard's softphones talk SIP over a WebSocket to Asterisk (ADR
   * 0013), another origin: pages may connect there too, and nowhere else.
   */
  static String withSoftphoneSocket(String policy, io.contactcenter.pbx.Softphones softphones) {
    java.net.URI ws = softphones == null ? null : softphones.websocketUrl();
    if (ws == null) {
      return policy;
    }
    String origin =
        ws.getScheme() + "://" + ws.getHost() + (ws.getPort() < 0 ? "" : ":" + ws.getPort());
    return policy.replace("connect-src 'self'", "connect-src 'self' " + origin);
  }
}
