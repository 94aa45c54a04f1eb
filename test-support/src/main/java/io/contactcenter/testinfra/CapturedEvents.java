package io.contactcenter.testinfra;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;

/** Collects application events of any type so a test can assert what a module announced. */
@TestConfiguration(proxyBeanMethods = false)
public class CapturedEvents {

  private final List<Object> events = new CopyOnWriteArrayList<>();

  @EventListener
  void on(Object event) {
    events.add(event);
  }

  public <T> List<T> ofType(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
