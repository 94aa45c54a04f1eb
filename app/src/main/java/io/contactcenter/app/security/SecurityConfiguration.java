package io.contactcenter.app.security;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

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
  SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectProvider<SignIn> signInProvider)
      throws Exception {
    RequestMatcher swagger =
        new OrRequestMatcher(antMatcher("/swagger-ui/**"), antMatcher("/swagger-ui.html"));
    http.authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
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
                        HttpMethod.POST, "/api/v1/scripts", "/api/v1/scripts/*/versions/*/prompts")
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
                    // The pages of each role (web.Navigation shows a link only where these allow).
                    .requestMatchers("/agent/**")
                    .hasRole(AGENT)
                    .requestMatchers("/supervisor/**")
                    .hasAnyRole(ADMIN, SUPERVISOR)
                    .requestMatchers("/qa/**")
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
                    .ignoringRequestMatchers(HeaderCredentials::used))
        .headers(
            headers ->
                headers
                    .addHeaderWriter(
                        new DelegatingRequestMatcherHeaderWriter(
                            new NegatedRequestMatcher(swagger),
                            new StaticHeadersWriter(
                                "Content-Security-Policy", CONTENT_SECURITY_POLICY)))
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
}
