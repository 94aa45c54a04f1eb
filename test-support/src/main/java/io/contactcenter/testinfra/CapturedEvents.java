package io.contactcenter.testinfra;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;

/**
 * Collects application events of any type so a test can assert what a module announced. The events
 * of every context in the test JVM are collected together: contexts share one database, so only one
 * of them routes contacts (ADR 0030) and announces routing's events, as one instance of several
 * does in production; a test asserts what the system announced, on whichever instance.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CapturedEvents {

  private static final List<Object> events = new CopyOnWriteArrayList<>();

  @EventListener
  void on(Object event) {
    events.add(event);
  }

  public <T> List<T> ofType(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
