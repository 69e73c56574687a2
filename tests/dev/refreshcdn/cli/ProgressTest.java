package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress line redrawn on a terminal, and silence elsewhere. */
class ProgressTest {
  @Test
  void theLineCountsRequestsAndUrlsAndEstimatesTheTimeLeftFromTheRateSoFar() {
    // when: 3 of 10 requests in 30 seconds
    String line = Progress.line(3, 10, 3000, 10_000, 0, -1, Duration.ofSeconds(30));
    // then: 7 more at 10 s each
    assertEquals("3/10 requests, 3000/10000 URLs, 0:30 elapsed, ~1:10 left", line);
  }

  @Test
  void theEstimateCountsOnlyTheRequestsTheQuotaLeftLetsThrough() {
    // when: 1 of 10 requests of 1000 URLs in 10 seconds, 2000 URLs of quota left, so 2 more requests at most
    String line = Progress.line(1, 10, 1000, 10_000, 0, 2000, Duration.ofSeconds(10));
    // then
    assertEquals("1/10 requests, 1000/10000 URLs, quota left 2000, 0:10 elapsed, ~0:20 left", line);
    // and with the quota spent, no time is promised at all
    assertEquals("3/10 requests, 3000/10000 URLs, quota left 0, 0:30 elapsed",
        Progress.line(3, 10, 3000, 10_000, 0, 0, Duration.ofSeconds(30)));
  }

  @Test
  void theLineShowsTheQuotaLeftWhenKnownAndNoEstimateBeforeTheFirstAnswer() {
    assertEquals("0/60 requests, 0/60000 URLs, quota left 2500, 0:00 elapsed",
        Progress.line(0, 60, 0, 60_000, 0, 2500, Duration.ZERO));
  }

  @Test
  void theLineCountsRetriesOnceThereAreAny() {
    assertEquals("1/4 requests, 1000/4000 URLs, 1 retry, 0:01 elapsed, ~0:03 left",
        Progress.line(1, 4, 1000, 4000, 1, -1, Duration.ofSeconds(1)));
    assertEquals("1/4 requests, 1000/4000 URLs, 3 retries, quota left 9000, 0:01 elapsed, ~0:03 left",
        Progress.line(1, 4, 1000, 4000, 3, 9000, Duration.ofSeconds(1)));
  }

  @Test
  void redrawsOneLineCountingTheQuotaDownAndClearsIt() {
    // given
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    AtomicLong nanos = new AtomicLong();
    // when
    Progress progress = new Progress(err, 3, 2500, true, nanos::get);
    progress.quotaLeft(5000);
    nanos.addAndGet(Duration.ofSeconds(2).toNanos());
    progress.advance(1000);
    nanos.addAndGet(Duration.ofSeconds(2).toNanos());
    progress.advance(1000);
    progress.advance(500);
    progress.clear();
    // then: the last request draws nothing, the job being over
    assertEquals("\r0/3 requests, 0/2500 URLs, 0:00 elapsed"
        + "\r0/3 requests, 0/2500 URLs, quota left 5000, 0:00 elapsed"
        + "\r1/3 requests, 1000/2500 URLs, quota left 4000, 0:02 elapsed, ~0:03 left"
        + "\r2/3 requests, 2000/2500 URLs, quota left 3000, 0:04 elapsed, ~0:01 left"
        + "\r\033[K", bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void printsNothingWhenDisabled() {
    // given
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    // when
    Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), 2, 2, false);
    progress.quotaLeft(10);
    progress.advance(1);
    progress.clear();
    // then
    assertEquals(0, bytes.size());
  }
}
