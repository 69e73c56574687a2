package dev.refreshcdn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.refreshcdn.JobStore.Job;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Interrupting the thread that submits, with several senders: the requests in flight are abandoned, not awaited. */
class InterruptTest {
  private static final String PATH = "/v2/index.php";
  @TempDir Path state;
  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private final CountDownLatch twoInFlight = new CountDownLatch(2);
  private final CountDownLatch release = new CountDownLatch(1);
  private volatile boolean hold = true;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(PATH, exchange -> {
      exchange.getRequestBody().readAllBytes();
      int number = requests.incrementAndGet();
      if (hold) {
        twoInFlight.countDown();
        try {
          release.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      byte[] answer = ("{\"code\":0,\"message\":\"\",\"codeDesc\":\"Success\",\"data\":{\"count\":1,\"task_id\":\""
          + (1000 + number) + "\"}}").getBytes(StandardCharsets.UTF_8);
      try {
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
      } catch (IOException e) {
        // the sender abandoned this request
      }
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stopServer() {
    release.countDown();
    server.stop(0);
  }

  private Refresh connected(Refresh refresh) {
    return refresh.credentials("AKIDinterruptTEST0001", "interruptTestKey").api(Api.V2)
        .endpoint("http://127.0.0.1:" + server.getAddress().getPort() + PATH).retries(0)
        .timeout(Duration.ofMinutes(5));
  }

  @Test
  void anInterruptAbandonsTheRequestsInFlightOfEverySenderAndTheJobResumesThemAll() throws Exception {
    // given: two senders, each waiting for an answer the server holds back
    List<String> urls = IntStream.rangeClosed(1, 4).mapToObj(i -> "https://www.test.com/p/" + i + ".js")
        .collect(Collectors.toList());
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread submitter = new Thread(() -> {
      try {
        connected(Refresh.urls(urls)).stateDir(state).parallel(2).batch(1).submit();
      } catch (Throwable t) {
        thrown.set(t);
      }
    });
    submitter.start();
    assertTrue(twoInFlight.await(1, TimeUnit.MINUTES), "both senders sent");
    // when
    submitter.interrupt();
    submitter.join(TimeUnit.MINUTES.toMillis(1));
    // then: it ended while the answers were still held, with both requests journaled as possibly reached
    assertFalse(submitter.isAlive(), "the submission waited for the requests in flight");
    assertTrue(thrown.get() instanceof NoAnswerException, String.valueOf(thrown.get()));
    NoAnswerException e = (NoAnswerException) thrown.get();
    assertEquals(2, e.failedUrls().size(), e.getMessage());
    assertEquals(2, e.unsentUrls().size(), e.getMessage());
    assertTrue(e.mayHaveReachedService(), e.getMessage());
    Job job = JobStore.at(state).list().get(0);
    assertEquals(Job.State.UNFINISHED, job.state());
    assertEquals(0, job.acceptedUrls());
    // when
    hold = false;
    Submission resumed = connected(JobStore.at(state).resume(job.id())).batch().submit();
    // then
    assertEquals(4, resumed.urlCount());
    assertTrue(resumed.resentUrls() >= 2, "the abandoned requests are sent again: " + resumed.resentUrls());
    assertEquals(Job.State.DONE, JobStore.at(state).list().get(0).state());
  }
}
