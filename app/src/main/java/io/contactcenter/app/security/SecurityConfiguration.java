package io.contactcenter.app.security;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

/**
 * Who may call what. Every API endpoint names the roles it needs; an API path not listed here is
 * denied to everyone, so a new endpoint cannot be exposed by accident.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

  private static final String ADMIN = Role.ADMIN.name();
  private static final String SUPERVISOR = Role.SUPERVISOR.name();
  private static final String OPS = Role.OPS.name();
  private static final String QA = Role.QA.name();
  private static final String AGENT = Role.AGENT.name();

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        "/login", "/language", "/css/**", "/js/**", "/favicon.ico", "/error")
                    .permitAll()
                    .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                    .permitAll()
                    .requestMatchers("/actuator/**")
                    .hasRole(ADMIN)
                    .requestMatchers("/api/v1/me")
                    .authenticated()
                    .requestMatchers("/api/v1/users", "/api/v1/users/**")
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
                    .requestMatchers("/admin/**")
                    .hasRole(ADMIN)
                    .requestMatchers("/api/**")
                    .denyAll()
                    .anyRequest()
                    .authenticated())
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
        .httpBasic(Customizer.withDefaults())
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
        // Pages read the token from the XSRF-TOKEN cookie and send it as a header. API clients
        // that authenticate with an Authorization header carry no ambient credentials, so the
        // CSRF check does not apply to them.
        .csrf(
            csrf ->
                csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                    .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                    .ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
        // API calls get a plain 401, not a redirect to the login page and not a browser prompt.
        .exceptionHandling(
            ex ->
                ex.defaultAuthenticationEntryPointFor(
                    new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), antMatcher("/api/**")));
    return http.build();
  }
}
