package io.contactcenter.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class FirstAdminBootstrapTest {

  private final UserAccounts accounts = mock(UserAccounts.class);
  private final List<String> announced = new ArrayList<>();

  @Test
  void generatesAStrongPasswordAndShowsItOnceWhenThereIsNoAdmin() {
    when(accounts.anyWithRole(Role.ADMIN)).thenReturn(false);
    when(accounts.create(anyString(), anyString(), any())).thenReturn(true);

    new FirstAdminBootstrap(accounts, new SecurityProperties(null), announced::add).run(null);

    ArgumentCaptor<String> password = ArgumentCaptor.forClass(String.class);
    verify(accounts).create(eq("admin"), password.capture(), eq(EnumSet.of(Role.ADMIN)));
    assertThat(password.getValue()).hasSize(20).matches("[A-Za-z2-9]+");
    assertThat(announced).containsExactly(password.getValue());
  }

  @Test
  void twoFirstStartsGetDifferentPasswords() {
    when(accounts.anyWithRole(Role.ADMIN)).thenReturn(false);
    when(accounts.create(anyString(), anyString(), any())).thenReturn(true);

    new FirstAdminBootstrap(accounts, new SecurityProperties(""), announced::add).run(null);
    new FirstAdminBootstrap(accounts, new SecurityProperties(""), announced::add).run(null);

    assertThat(announced).hasSize(2).doesNotHaveDuplicates();
  }

  @Test
  void usesTheConfiguredPasswordAndNeverPrintsIt() {
    when(accounts.anyWithRole(Role.ADMIN)).thenReturn(false);
    when(accounts.create(anyString(), anyString(), any())).thenReturn(true);

    new FirstAdminBootstrap(
            accounts, new SecurityProperties("from-the-environment"), announced::add)
        .run(null);

    verify(accounts).create("admin", "from-the-environment", EnumSet.of(Role.ADMIN));
    assertThat(announced).isEmpty();
  }

  @Test
  void doesNothingOnceAnAdminExists() {
    when(accounts.anyWithRole(Role.ADMIN)).thenReturn(true);

    new FirstAdminBootstrap(accounts, new SecurityProperties(null), announced::add).run(null);

    verify(accounts, never()).create(anyString(), anyString(), any());
    assertThat(announced).isEmpty();
  }

  @Test
  void anotherInstanceThatWonTheRacePrintsNothingHere() {
    when(accounts.anyWithRole(Role.ADMIN)).thenReturn(false);
    when(accounts.create(anyString(), anyString(), any())).thenReturn(false);

    new FirstAdminBootstrap(accounts, new SecurityProperties(null), announced::add).run(null);

    assertThat(announced).isEmpty();
  }
}
