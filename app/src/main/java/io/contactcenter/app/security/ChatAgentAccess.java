package io.contactcenter.app.security;

import io.contactcenter.onlinechat.spi.AgentAccess;
import java.util.function.BooleanSupplier;
import org.springframework.stereotype.Component;

/**
 * The agents' live chat streams (online-chat) are checked against the account like the app's own
 * streams ({@link AccountWatch}): a disabled account's open chat stream closes within seconds.
 */
@Component
class ChatAgentAccess implements AgentAccess {

  private final AccountWatch watch;

  ChatAgentAccess(AccountWatch watch) {
    this.watch = watch;
  }

  @Override
  public BooleanSupplier capture() {
    return watch.capture();
  }
}
