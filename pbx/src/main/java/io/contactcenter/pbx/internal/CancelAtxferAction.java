package io.contactcenter.pbx.internal;

import java.io.Serial;
import org.asteriskjava.manager.action.AbstractManagerAction;

/**
 * AMI {@code CancelAtxfer} (Asterisk 18 and later), which asterisk-java 3.42 does not have: queues
 * the atxferabort code on the transferer's channel, which ends its attended transfer.
 */
public final class CancelAtxferAction extends AbstractManagerAction {

  @Serial private static final long serialVersionUID = 1L;

  private String channel;

  CancelAtxferAction(String channel) {
    this.channel = channel;
  }

  @Override
  public String getAction() {
    return "CancelAtxfer";
  }

  public String getChannel() {
    return channel;
  }

  public void setChannel(String channel) {
    this.channel = channel;
  }
}
