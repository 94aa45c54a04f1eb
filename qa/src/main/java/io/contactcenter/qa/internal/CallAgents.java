package io.contactcenter.qa.internal;

import io.contactcenter.routing.ContactAccepted;
import io.contactcenter.routing.ContactChannel;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * Names the agent who accepted a call on its QA conversation, so the agent sees its score:
 * routing's voice contact is {@code voice:<call id>}, the id of the channel QA records. Idempotent:
 * the same acceptance stored twice changes nothing.
 */
class CallAgents {

  private static final String VOICE = "voice:";

  private final JdbcTranscriptionQueue queue;

  CallAgents(JdbcTranscriptionQueue queue) {
    this.queue = queue;
  }

  @ApplicationModuleListener
  public void on(ContactAccepted accepted) {
    String contact = accepted.id().value();
    if (accepted.channel() != ContactChannel.VOICE
        || !contact.startsWith(VOICE)
        || accepted.agentId() == null) {
      return;
    }
    queue.callAgent(contact.substring(VOICE.length()), accepted.agentId(), accepted.at());
  }
}
