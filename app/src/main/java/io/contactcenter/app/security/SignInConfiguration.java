package io.contactcenter.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How users sign in: the password hash on its own threads, the throttle, API tokens, and what
 * clients are told when sign-in fails. {@link SecurityConfiguration} puts them into the filter
 * chain.
 */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

  /**
   * New passwords are hashed as bcrypt of their SHA-256 digest; older {@code {bcrypt}} hashes still
   * verify and are re-hashed at the next sign-in. Hashing runs on its own threads.
   */
  @Bean(destroyMethod = "close")
  RecentlyVerifiedPasswords passwordEncoder(SecurityProperties properties) {
    Map<String, PasswordEncoder> encoders = new HashMap<>();
    encoders.put(PreDigestBcryptPasswordEncoder.ID, new PreDigestBcryptPasswordEncoder());
    encoders.put("bcrypt", new BCryptPasswordEncoder());
    SecurityProperties.Hashing hashing = properties.hashing();
    BoundedPasswordHashing bounded =
        new BoundedPasswordHashing(
            new DelegatingPasswordEncoder(PreDigestBcryptPasswordEncoder.ID, encoders),
            hashing.effectiveThreads(),
            hashing.queue(),
            hashing.maxWait().toMillis());
    return new RecentlyVerifiedPasswords(
        bounded, Duration.ofMinutes(1), 10_000, Clock.systemUTC(), bounded::close);
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
      ObjectMapper json,
      UserAccounts accounts,
      org.springframework.context.MessageSource messages) {
    return new SignInResponses(json, accounts, messages);
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
  SignIn signIn(
      AuthenticationManager authenticationManager,
      SignInResponses responses,
      UserAccounts accounts,
      ApiTokens tokens,
      SignInThrottle throttle) {
    return new SignIn(authenticationManager, responses, accounts, tokens, throttle);
  }
}
