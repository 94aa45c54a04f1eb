package io.contactcenter.routing.internal.domain;

import io.contactcenter.testinfra.MutableClock;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Routing decision latency of the in-process core with 1,000 agents and 2,000 waiting contacts, and
 * decisions per second on one core. Each measured decision is what happens when a busy agent frees
 * up: {@link ContactDistributor#route()} walks the global order for the best contact that agent can
 * take (20 queues, 3 skills per agent, widening steps, 10 % VIP). Completing the old contact,
 * queueing a new one (to keep 2,000 waiting) and accepting the offer are not timed.
 *
 * <p>Not part of the build's tests (the name does not end in Test). Run from the project root:
 *
 * <pre>
 * ./mvnw -o -q -pl routing test-compile
 * taskset -c 0 "$JAVA_HOME"/bin/java -cp routing/target/test-classes:routing/target/classes \
 *   io.contactcenter.routing.internal.domain.RoutingCoreBenchmark
 * </pre>
 */
public final class RoutingCoreBenchmark {

  private static final int AGENTS = 1_000;
  private static final int WAITING = 2_000;
  private static final int QUEUES = 20;
  private static final int WARM_UP = 20_000;
  private static final int MEASURED = 50_000;
  private static final List<QueueStrategy> STRATEGIES = List.of(QueueStrategy.values());

  private RoutingCoreBenchmark() {}

  public static void main(String[] args) {
    Random random = new Random(42);
    MutableClock clock = new MutableClock(Instant.parse("2026-12-02T09:00:00Z"));
    List<QueueDefinition> queues = new ArrayList<>();
    for (int q = 0; q < QUEUES; q++) {
      List<RoutingStep> steps =
          q % 2 == 0
              ? List.of(RoutingStep.at(Duration.ZERO, 1))
              : List.of(
                  RoutingStep.at(Duration.ZERO, 3),
                  RoutingStep.at(Duration.ofSeconds(30), 2),
                  RoutingStep.overflow(Duration.ofSeconds(60), 1, new QueueId("q" + (q - 1))));
      queues.add(
          new QueueDefinition(
              new QueueId("q" + q),
              "skill" + q,
              q % 5,
              STRATEGIES.get(q % STRATEGIES.size()),
              steps,
              Duration.ofSeconds(20)));
    }
    ContactDistributor distributor =
        new ContactDistributor(clock, PriorityPolicy.defaults(), Duration.ofSeconds(15), queues);
    for (int a = 0; a < AGENTS; a++) {
      Map<String, Integer> skills = new HashMap<>();
      while (skills.size() < 3) {
        skills.put("skill" + random.nextInt(QUEUES), 1 + random.nextInt(5));
      }
      Map<Channel, Integer> voiceOnly = new EnumMap<>(Channel.class);
      voiceOnly.put(Channel.VOICE, 1);
      AgentProfile profile =
          new AgentProfile(new AgentId("a" + a), Skills.of(skills), voiceOnly, Duration.ZERO);
      distributor.logIn(profile);
      distributor.ready(profile.id());
    }
    int next = 0;
    for (; next < AGENTS + WAITING; next++) {
      enqueue(distributor, random, next);
      clock.advance(Duration.ofMillis(10));
    }
    Map<AgentId, ContactId> open = new HashMap<>();
    for (Offer offer : distributor.route()) {
      distributor.accept(offer.agent(), offer.contact().id());
      open.put(offer.agent(), offer.contact().id());
    }

    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] nanos = new long[MEASURED];
    long[] cpuNanos = new long[MEASURED];
    int misses = 0;
    for (int i = 0; i < WARM_UP + MEASURED; i++) {
      List<AgentId> busy = new ArrayList<>(open.keySet());
      AgentId freed = busy.get(random.nextInt(busy.size()));
      distributor.complete(freed, open.remove(freed));
      enqueue(distributor, random, next++);
      clock.advance(Duration.ofMillis(100));

      long cpuStart = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      List<Offer> offers = distributor.route();
      long took = System.nanoTime() - start;
      long cpu = threads.getCurrentThreadCpuTime() - cpuStart;

      if (i >= WARM_UP) {
        nanos[i - WARM_UP] = took;
        cpuNanos[i - WARM_UP] = cpu;
      }
      if (offers.isEmpty()) {
        misses++;
      }
      for (Offer offer : offers) {
        distributor.accept(offer.agent(), offer.contact().id());
        open.put(offer.agent(), offer.contact().id());
      }
    }
    Arrays.sort(nanos);
    Arrays.sort(cpuNanos);
    long cpuTotal = Arrays.stream(cpuNanos).sum();
    System.out.printf(
        Locale.ROOT,
        "agents %d, waiting %d, decisions %d (no contact for the freed agent: %d)%n",
        AGENTS,
        distributor.waiting().size(),
        MEASURED,
        misses);
    // Wall time includes any preemption on a shared machine; thread CPU time does not.
    System.out.printf(
        Locale.ROOT,
        "decision wall time p50 %.1f us, p99 %.1f us, max %.1f us%n",
        nanos[MEASURED / 2] / 1e3,
        nanos[MEASURED * 99 / 100] / 1e3,
        nanos[MEASURED - 1] / 1e3);
    System.out.printf(
        Locale.ROOT,
        "decision CPU time p50 %.1f us, p99 %.1f us; %.0f decisions/s per core (CPU time)%n",
        cpuNanos[MEASURED / 2] / 1e3,
        cpuNanos[MEASURED * 99 / 100] / 1e3,
        MEASURED / (cpuTotal / 1e9));
  }

  private static void enqueue(ContactDistributor distributor, Random random, int n) {
    distributor.enqueue(
        new ContactId("c" + n),
        Channel.VOICE,
        new QueueId("q" + random.nextInt(QUEUES)),
        random.nextInt(10) == 0);
  }
}
