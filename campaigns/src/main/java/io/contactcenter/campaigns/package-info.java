/** Outbound campaigns for ops: contacts, scheduling and pacing, compliance, crash-safe attempts. */
package io.contactcenter.campaigns;
