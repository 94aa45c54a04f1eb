package io.contactcenter.pbx.internal;

import io.contactcenter.pbx.CallEnded;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes call records off the AMI event thread and publishes them, in order, each in its own
 * transaction: the event publication registry stores them with the CDR row, so Kafka
 * externalization and in-process listeners survive a crash between commit and delivery.
 *
 * <p>One worker keeps the records of a call in order (started before answered before ended). The
 * queue is bounded; if it ever fills (the database stalled), new records are dropped and counted
 * rather than blocking the AMI thread, which would stall every call's events.
 */
final class CallEventDispatcher implements Consumer<Object>, SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(CallEventDispatcher.class);

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(10_000);
  private final ApplicationEventPublisher events;
  private final JdbcCallDetailRecords records;
  private final TransactionTemplate tx;
  private final AtomicLong dropped = new AtomicLong();
  private volatile Thread worker;
  private volatile boolean running;

  CallEventDispatcher(
      ApplicationEventPublisher events, JdbcCallDetailRecords records, TransactionTemplate tx) {
    this.events = events;
    this.records = records;
    this.tx = tx;
  }

  @Override
  public void accept(Object record) {
    if (!queue.offer(record)) {
      long n = dropped.incrementAndGet();
      log.error(
          "call event queue full, dropped {} ({} dropped so far)",
          record.getClass().getSimpleName(),
          n);
    }
  }

  private void work() {
    while (running || !queue.isEmpty()) {
      Object record;
      try {
        record = queue.poll(500, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (record != null) {
        publish(record);
      }
    }
  }

  private void publish(Object record) {
    try {
      tx.executeWithoutResult(
          status -> {
            if (record instanceof CallEnded ended) {
              records.save(ended);
            }
            events.publishEvent(record);
          });
    } catch (RuntimeException e) {
      // The record is lost for this process, but Asterisk still has it in its own CDR; a failed
      // write must not stop the records of every other call.
      log.error(
          "could not store/publish {}: {}", record.getClass().getSimpleName(), e.toString(), e);
    }
  }

  long dropped() {
    return dropped.get();
  }

  @Override
  public void start() {
    running = true;
    worker = Thread.ofPlatform().name("call-events").daemon().start(this::work);
  }

  @Override
  public void stop() {
    running = false;
    Thread t = worker;
    if (t != null) {
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return 50;
  }
}
