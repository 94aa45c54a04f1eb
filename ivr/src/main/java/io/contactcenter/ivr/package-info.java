/**
 * The inbound hotline IVR: greets callers, takes their keyed or spoken input and serves them or
 * queues them to a human. Flows run over the pbx {@link io.contactcenter.pbx.ChannelSession} port.
 */
@org.springframework.modulith.ApplicationModule(displayName = "IVR")
package io.contactcenter.ivr;
