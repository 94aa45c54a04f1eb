/**
 * Extension points of the chat: {@link io.contactcenter.onlinechat.spi.CallTranscripts} gives the
 * knowledge-base cold start the transcripts of recorded calls (QA provides them); {@link
 * io.contactcenter.onlinechat.spi.AgentAccess} tells the agents' live chat streams when the account
 * that opened one was disabled or changed (the app provides it).
 */
@org.springframework.modulith.NamedInterface("spi")
package io.contactcenter.onlinechat.spi;
