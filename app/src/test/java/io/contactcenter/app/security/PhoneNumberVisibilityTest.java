package io.contactcenter.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;

class PhoneNumberVisibilityTest {

  @Test
  void adminsSupervisorsAndOpsSeeFullNumbers() {
    for (Role role : new Role[] {Role.ADMIN, Role.SUPERVISOR, Role.OPS}) {
      assertThat(PhoneNumberVisibility.of(user(role)).show("+8613800138000"))
          .as("%s", role)
          .isEqualTo("+8613800138000");
    }
  }

  @Test
  void agentsAndQaSeeMaskedNumbers() {
    for (Role role : new Role[] {Role.AGENT, Role.QA}) {
      assertThat(PhoneNumberVisibility.of(user(role)).show("+8613800138000"))
          .as("%s", role)
          .isEqualTo("+861********00");
    }
    assertThat(PhoneNumberVisibility.of(null)).isEqualTo(PhoneNumberVisibility.MASKED);
  }

  @Test
  void theMostTrustedOfSeveralRolesDecides() {
    assertThat(PhoneNumberVisibility.of(user(Role.QA, Role.OPS)))
        .isEqualTo(PhoneNumberVisibility.FULL);
  }

  private static Authentication user(Role... roles) {
    return new TestingAuthenticationToken(
        "someone", "x", Arrays.stream(roles).map(Role::authority).toArray(String[]::new));
  }
}
