package io.contactcenter.campaigns;

/**
 * A campaign's life: DRAFT (being set up) → SCHEDULED (starts at its start time) → RUNNING ⇄ PAUSED
 * → COMPLETED (every contact done) or STOPPED (by ops; pending contacts are cancelled).
 */
public enum CampaignState {
  DRAFT,
  SCHEDULED,
  RUNNING,
  PAUSED,
  COMPLETED,
  STOPPED
}
