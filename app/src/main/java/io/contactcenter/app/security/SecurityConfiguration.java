package io.contactcenter.app.security;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
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
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'";

  private static final String SWAGGER_POLICY =
      CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

  /**
   * New passwords are hashed as bcrypt of their SHA-256 digest; older {@code {bcrypt}} hashes still
   * verify and are re-hashed at the next sign-in. Hashing runs on its own threads.
   */
  @Bean(destroyMethod = "close")
  BoundedPasswordHashing passwordEncoder(SecurityProperties properties) {
    Map<String, PasswordEncoder> encoders = new HashMap<>();
    encoders.put(PreDigestBcryptPasswordEncoder.ID, new PreDigestBcryptPasswordEncoder());
    encoders.put("bcrypt", new BCryptPasswordEncoder());
    SecurityProperties.Hashing hashing = properties.hashing();
    return new BoundedPasswordHashing(
        new DelegatingPasswordEncoder(PreDigestBcryptPasswordEncoder.ID, encoders),
        hashing.effectiveThreads(),
        hashing.queue(),
        hashing.maxWait().toMillis());
  }

  @Bean
  SignInThrottle signInThrottle(
      StringRedisTemplate redis, SecurityProperties properties, AuditLog audit) {
    return new SignInThrottle(redis, properties.signIn(), audit);
  }

  @Bean
  ApiTokens apiTokens(JdbcClient jdbc, AuditLog audit, SecurityProperties properties) {
    return new ApiTokens(jdbc, audit, ApiTokens.key(properties));
  }

  @Bean
  SignInResponses signInResponses(
      ObjectMapper json, UserAccounts accounts, SignInThrottle throttle) {
    return new SignInResponses(json, accounts, throttle);
  }

  @Bean
  AuthenticationManager authenticationManager(
      UserAccounts accounts, PasswordEncoder passwordEncoder, SignInThrottle throttle) {
    DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
    passwords.setPasswordEncoder(passwordEncoder);
    passwords.setUserDetailsPasswordService(accounts);
    return new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle));
  }

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http,
      AuthenticationManager authenticationManager,
      SignInResponses responses,
      UserAccounts accounts,
      ApiTokens tokens,
      SignInThrottle throttle)
      throws Exception {
    RequestMatcher swagger =
        new OrRequestMatcher(antMatcher("/swagger-ui/**"), antMatcher("/swagger-ui.html"));
    http.authenticationManager(authenticationManager)
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/login", "/css/**", "/js/**", "/favicon.ico", "/error")
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
                    .requestMatchers("/api/**")
                    .denyAll()
                    .anyRequest()
                    .authenticated())
        .formLogin(
            form ->
                form.loginPage("/login")
                    .successHandler(responses.formSuccess())
                    .failureHandler(responses)
                    .permitAll())
        // Basic is added below, before the CSRF filter, instead of here (after it).
        .httpBasic(AbstractHttpConfigurer::disable)
        .addFilterBefore(
            new ApiTokenFilter(tokens, accounts, throttle, responses), CsrfFilter.class)
        .addFilterBefore(
            new BasicCredentialsFilter(authenticationManager, responses), CsrfFilter.class)
        .addFilterBefore(new AccountStateFilter(accounts, responses), CsrfFilter.class)
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
                                    .ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
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
