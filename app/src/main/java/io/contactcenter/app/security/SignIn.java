package io.contactcenter.app.security;

import org.springframework.security.authentication.AuthenticationManager;

/** The sign-in parts the filter chain is built from (absent in web slice tests). */
record SignIn(
    AuthenticationManager manager,
    SignInResponses responses,
    UserAccounts accounts,
    ApiTokens tokens,
    SignInThrottle throttle) {}
