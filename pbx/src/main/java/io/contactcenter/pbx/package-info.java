/**
 * The Asterisk edge. Other modules place calls through {@link io.contactcenter.pbx.CallControl},
 * handle answered calls by implementing {@link io.contactcenter.pbx.spi.CallHandler} over a {@link
 * io.contactcenter.pbx.ChannelSession}, and learn what happened to calls from past-tense events
 * ({@link io.contactcenter.pbx.CallStarted}, {@link io.contactcenter.pbx.CallAnswered}, {@link
 * io.contactcenter.pbx.CallEnded}). Asterisk-Java and jain-sip types never leave this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "PBX (Asterisk)")
package io.contactcenter.pbx;
