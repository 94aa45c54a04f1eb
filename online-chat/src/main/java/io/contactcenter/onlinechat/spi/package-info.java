/**
 * Extension points of the chat: {@link io.contactcenter.onlinechat.spi.CallTranscripts} gives the
 * knowledge-base cold start the transcripts of recorded calls (QA provides them).
 */
@org.springframework.modulith.NamedInterface("spi")
package io.contactcenter.onlinechat.spi;
