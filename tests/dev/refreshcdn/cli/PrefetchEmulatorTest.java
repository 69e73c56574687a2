package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refreshcdn.emulator.Emulator;
import dev.refreshcdn.emulator.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #16's "done when", through the real CLI (in-process) against the emulator, which checks every signature,
 * keeps its own prefetch quota and reports the tasks' progress.
 */
class PrefetchEmulatorTest {
  private static final String HOST = "https://www.test.com/";

  @RegisterExtension final EmulatorCli cli = new EmulatorCli();

  private List<RecordedRequest> received(String action) {
    return cli.emu().requests().stream().filter(r -> r.action().equals(action)).collect(Collectors.toList());
  }

  private static Path urls(Path dir, int count) throws Exception {
    return Files.write(dir.resolve("urls.txt"),
        IntStream.rangeClosed(1, count).mapToObj(i -> HOST + "p/" + i + ".jpg").collect(Collectors.toList()));
  }

  @Test
  void aPrefetchLargerThanTodaysQuotaSendsWhatFitsInRequestsOfTheBatchThenResumesTheRestTomorrow(
      @TempDir Path dir) throws Exception {
    // given 1,100 prefetches left today and 1,200 URLs
    cli.start(Emulator.builder().dailyPrefetchQuota(1100));
    Path file = urls(dir, 1200);
    // when
    Cli.Result r = cli.refreshCdn("prefetch", "-i", file.toString(), "--area", "mainland");
    // then
    assertEquals(5, r.exit(), r::toString);
    List<RecordedRequest> pushes = received("PushUrlsCache");
    assertTrue(pushes.stream().allMatch(p -> p.urls().size() <= 500), pushes::toString);
    int accepted = pushes.stream().filter(RecordedRequest::accepted).mapToInt(p -> p.urls().size()).sum();
    assertEquals(1100, accepted, pushes::toString);
    assertTrue(r.err().contains("resume"), r::toString);

    // when the job is resumed once the emulator has quota again: only the 100 left are sent
    int port = cli.emu().port();
    cli.emu().close();
    cli.start(Emulator.builder().port(port).dailyPrefetchQuota(1100));
    Cli.Result resumed = cli.refreshCdn("resume");
    // then
    assertEquals(0, resumed.exit(), resumed::toString);
    List<RecordedRequest> rest = received("PushUrlsCache");
    assertEquals(1, rest.size(), rest::toString);
    assertEquals(IntStream.rangeClosed(1101, 1200).mapToObj(i -> HOST + "p/" + i + ".jpg").collect(Collectors.toList()),
        rest.get(0).urls());
  }

  @Test
  void waitPollsDescribePushTasksUntilTheEdgeIsWarm() {
    // given tasks that finish at once
    cli.start(Emulator.builder().taskCompletion(Duration.ZERO));
    // when
    Cli.Result r = cli.refreshCdn("prefetch", HOST + "a.js", HOST + "b.js", "--wait", "--wait-timeout", "30s");
    // then
    assertEquals(0, r.exit(), r::toString);
    assertEquals(1, received("PushUrlsCache").size());
    assertTrue(received("DescribePushTasks").size() >= 1, cli.emu().requests()::toString);
    assertTrue(received("PushUrlsCache").get(0).accepted());
  }

  @Test
  void thePrefetchFlagPurgesWaitsForThePurgeThenWarmsTheSameUrls() {
    // given
    cli.start(Emulator.builder().taskCompletion(Duration.ZERO));
    // when
    Cli.Result r = cli.refreshCdn("--prefetch", HOST + "a.js", HOST + "b.js");
    // then
    assertEquals(0, r.exit(), r::toString);
    List<String> order = cli.emu().requests().stream().map(RecordedRequest::action)
        .filter(a -> a.equals("PurgeUrlsCache") || a.equals("PushUrlsCache")).collect(Collectors.toList());
    assertEquals(List.of("PurgeUrlsCache", "PushUrlsCache"), order);
    assertEquals(List.of(HOST + "a.js", HOST + "b.js"), received("PushUrlsCache").get(0).urls());
    assertTrue(received("DescribePurgeTasks").size() >= 1, cli.emu().requests()::toString);
  }
}
