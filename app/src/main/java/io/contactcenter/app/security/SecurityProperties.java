package io.contactcenter.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Security settings, under {@code cc.security}.
 *
 * @param initialAdminPassword the password of the first admin, created on the first start when no
 *     admin exists ({@code CC_ADMIN_PASSWORD}); when unset, one is generated and printed once
 */
@ConfigurationProperties("cc.security")
public record SecurityProperties(String initialAdminPassword) {}
