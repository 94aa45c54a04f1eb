package io.contactcenter.pbx.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.MappingStrategy;
import org.asteriskjava.util.ServerSocketFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The FastAGI server Asterisk hands calls to, bound to a configured address (loopback by default).
 *
 * <p>Each call runs on a virtual thread: a call mostly waits on Asterisk, so thousands of them cost
 * little. The pool is still bounded: beyond {@code maxConcurrentCalls} the connection is refused
 * and the dialplan's fallback runs. Only connections whose AGI request has arrived reach the pool
 * ({@link AgiRequestGate}): a connection that stays silent is closed after {@code requestTimeout},
 * and one address may keep only {@code maxPendingPerPeer} of them waiting at once.
 */
final class FastAgiServer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(FastAgiServer.class);

  private final PbxProperties.FastAgi config;
  private final Server server;
  private volatile Thread acceptor;
  private volatile boolean running;

  FastAgiServer(PbxProperties.FastAgi config, MappingStrategy mappingStrategy) throws IOException {
    this.config = config;
    this.server = new Server(mappingStrategy, config);
    server.setAddress(InetAddress.getByName(config.bindAddress()));
    server.setPort(config.port());
  }

  @Override
  public void start() {
    if (!config.enabled()) {
      return;
    }
    running = true;
    acceptor =
        Thread.ofPlatform()
            .name("fastagi-acceptor")
            .daemon()
            .start(
                () -> {
                  try {
                    server.startup();
                  } catch (IOException e) {
                    running = false;
                    log.error(
                        "FastAGI server cannot listen on {}:{}: {}",
                        config.bindAddress(),
                        config.port(),
                        e.getMessage());
                  }
                });
    log.info("FastAGI listening on {}:{}", config.bindAddress(), config.port());
  }

  @Override
  public void stop() {
    if (running) {
      running = false;
      server.shutdown();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private static final class Server extends DefaultAgiServer {
    // DefaultAgiServer's own backlog.
    private static final int BACKLOG = 200;
    private final PbxProperties.FastAgi config;

    Server(MappingStrategy mappingStrategy, PbxProperties.FastAgi config) {
      super(mappingStrategy);
      this.config = config;
    }

    @Override
    protected ServerSocketFacade createServerSocket() throws IOException {
      return new AgiRequestGate(
          getAddress(), getPort(), BACKLOG, config.requestTimeout(), config.maxPendingPerPeer());
    }

    @Override
    protected ThreadPoolExecutor createPool() {
      return new CallPool(config.maxConcurrentCalls());
    }
  }

  /**
   * At most {@code maxCalls} calls at once, counted by a permit a call holds while its script runs.
   * A pool bounded by its maximum size alone (a {@link SynchronousQueue} with {@code max =
   * maxCalls}) refused a call that arrived just as another ended: the finished thread was not yet
   * waiting for work, and the pool was "full". Threads are virtual and unbounded here; the permits
   * bound the calls.
   */
  static final class CallPool extends ThreadPoolExecutor {
    private final Semaphore permits;
    private final int maxCalls;

    CallPool(int maxCalls) {
      super(
          0,
          Integer.MAX_VALUE,
          30,
          TimeUnit.SECONDS,
          new SynchronousQueue<>(),
          Thread.ofVirtual().name("agi-call-", 0).factory());
      this.maxCalls = maxCalls;
      this.permits = new Semaphore(maxCalls);
    }

    @Override
    public void execute(Runnable call) {
      if (!permits.tryAcquire()) {
        throw new RejectedExecutionException("all " + maxCalls + " FastAGI call threads are busy");
      }
      try {
        super.execute(
            () -> {
              try {
                call.run();
              } finally {
                permits.release();
              }
            });
      } catch (RuntimeException e) {
        permits.release();
        throw e;
      }
    }
  }
}
