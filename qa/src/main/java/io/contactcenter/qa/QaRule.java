package io.contactcenter.qa;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored QA rule.
 *
 * @param id its id
 * @param definition what it checks
 * @param updatedAt when it was created or last changed
 */
public record QaRule(UUID id, RuleDefinition definition, Instant updatedAt) {}
