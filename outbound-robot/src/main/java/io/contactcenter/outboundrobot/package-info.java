/**
 * The outbound voice robot: runs versioned {@link io.contactcenter.outboundrobot.DialogueScript}s
 * on answered calls, labels each reply and acts on it, announcing the outcome and follow-ups
 * (callback, do-not-call, transfer, ticket) as past-tense events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Outbound robot")
package io.contactcenter.outboundrobot;
