package dev.refreshcdn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refreshcdn.JobStore.Job;
import dev.refreshcdn.RefreshException.QuotaExhaustedException;
import dev.refreshcdn.emulator.Emulator;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job store of a state directory: listing, resuming and forgetting jobs, against the emulator. */
class JobStoreTest {
  private static final String ID = "AKIDstoreTESTexample0001";
  private static final String KEY = "storeTestSecretKeyNeverWritten";
  private final FakeTime clock = new FakeTime("2026-11-27T14:00:00Z");
  @TempDir Path state;
  private Emulator emulator;

  @AfterEach
  void stop() {
    if (emulator != null) {
      emulator.close();
    }
  }

  /** A job stopped by the quota after two of five URLs: unfinished, resumable. */
  private String unfinishedJob() {
    emulator = Emulator.builder().account(ID, KEY, "www.test.com").clock(clock).dailyUrlQuota(2).start();
    Refresh refresh = Refresh.urls(List.of("https://www.test.com/1", "https://www.test.com/2", "https://www.test.com/3",
        "https://www.test.com/4", "https://www.test.com/5")).api(Api.V2).credentials(ID, KEY)
        .endpoint(emulator.endpoint()).stateDir(state).with(it -> it.clock = clock).with(it -> it.sleeper = wait -> { });
    QuotaExhaustedException e = assertThrows(QuotaExhaustedException.class, () -> refresh.batch(1).submit());
    return e.jobId().orElseThrow();
  }

  @Test
  void forgetDeletesAJobSoItIsNeitherListedNorResumable() {
    // given
    String id = unfinishedJob();
    JobStore store = JobStore.at(state);
    assertEquals(Job.State.QUOTA, store.list().get(0).state());
    // when
    store.forget(id);
    // then
    assertTrue(store.list().isEmpty());
    assertFalse(Files.exists(state.resolve("jobs").resolve(id)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.resume(id));
    assertTrue(e.getMessage().contains("no job " + id), e.getMessage());
  }

  @Test
  void forgetRefusesAJobWhileItsLockIsHeldAndKeepsIt() throws Exception {
    // given: the job's lock held, as a running submission or resume holds it
    String id = unfinishedJob();
    JobStore store = JobStore.at(state);
    Path events = state.resolve("jobs").resolve(id).resolve(Journal.EVENTS_FILE);
    try (FileChannel channel = FileChannel.open(events, StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
      // when
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.forget(id));
      // then
      assertTrue(e.getMessage().contains("job " + id + " is running"), e.getMessage());
    }
    assertEquals(id, store.list().get(0).id());
  }

  @Test
  void forgetOfAnUnknownOrMalformedIdNamesIt() {
    // given
    JobStore store = JobStore.at(state);
    // when
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> store.forget("20261127-080000-3f9a"));
    IllegalArgumentException malformed = assertThrows(IllegalArgumentException.class, () -> store.forget("../x"));
    // then
    assertTrue(unknown.getMessage().contains("no job 20261127-080000-3f9a"), unknown.getMessage());
    assertTrue(malformed.getMessage().contains("not a job id: \"../x\""), malformed.getMessage());
  }
}
