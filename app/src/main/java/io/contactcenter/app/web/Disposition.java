package io.contactcenter.app.web;

/** How an agent closed a call, chosen on the agent page after hanging up. */
enum Disposition {
  RESOLVED,
  FOLLOW_UP,
  ESCALATED,
  CALLBACK_PROMISED,
  WRONG_NUMBER,
  OTHER
}
