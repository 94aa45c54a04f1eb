/**
 * Outbound dialing rules as pure functions: call windows in the callee's zone, retry spacing,
 * per-number frequency caps and pacing budgets. No Spring, telephony or I/O; time comes in as
 * {@link java.time.Instant} parameters.
 */
package io.contactcenter.campaigns.internal.domain;
