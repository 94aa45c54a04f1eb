/**
 * The dialogue state machine, script rules and prompt rendering: pure code, no Spring, telephony,
 * speech or I/O, driven by a live call through {@link
 * io.contactcenter.outboundrobot.internal.domain.DialogueEngine}'s inputs and directives.
 */
package io.contactcenter.outboundrobot.internal.domain;
