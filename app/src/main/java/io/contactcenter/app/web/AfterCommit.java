package io.contactcenter.app.web;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a push once the change that asked for it is committed: read before, the page would not show
 * the change yet. Outside a transaction it runs at once.
 */
final class AfterCommit {

  private AfterCommit() {}

  static void run(Runnable push) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              push.run();
            }
          });
    } else {
      push.run();
    }
  }
}
