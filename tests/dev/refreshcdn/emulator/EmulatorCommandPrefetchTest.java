package dev.refreshcdn.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tencentcloudapi.cdn.v20180606.CdnClient;
import com.tencentcloudapi.cdn.v20180606.models.DescribePushQuotaRequest;
import com.tencentcloudapi.cdn.v20180606.models.PushUrlsCacheRequest;
import com.tencentcloudapi.cdn.v20180606.models.Quota;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import dev.refreshcdn.cli.RefreshCdnCli;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code refresh-cdn emulator --daily-prefetch-quota N}, run in this JVM: the quota DescribePushQuota reports and enforces. */
class EmulatorCommandPrefetchTest {
  private static final String ID = "AKIDprefetchOptionEXAMPLE01";
  private static final String KEY = "prefetchOptionSecretKeyEXAMPLE";

  private static int run(PrintStream out, ByteArrayOutputStream err, String... args) {
    return RefreshCdnCli.run(args, new ByteArrayInputStream(new byte[0]), out,
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
  }

  private static CdnClient client(String endpoint) {
    HttpProfile http = new HttpProfile();
    http.setProtocol("http://");
    http.setEndpoint(endpoint.replace("http://", "").replace("/", ""));
    ClientProfile profile = new ClientProfile();
    profile.setHttpProfile(http);
    return new CdnClient(new Credential(ID, KEY), "", profile);
  }

  private static PushUrlsCacheRequest push(int n) {
    String[] urls = new String[n];
    for (int i = 0; i < n; i++) {
      urls[i] = "https://www.test.com/" + i + ".js";
    }
    PushUrlsCacheRequest request = new PushUrlsCacheRequest();
    request.setUrls(urls);
    return request;
  }

  @Test
  void theOptionSetsTheDailyPrefetchQuotaOfEachArea() throws Exception {
    // given: a pipe large enough that the request log never blocks the emulator while the test is not reading
    PipedInputStream pipe = new PipedInputStream(1 << 16);
    PrintStream out = new PrintStream(new PipedOutputStream(pipe), true, StandardCharsets.UTF_8);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    AtomicInteger exit = new AtomicInteger(-1);
    Thread emulator = new Thread(() -> exit.set(run(out, err, "emulator", "--secret-id", ID, "--secret-key", KEY,
        "--daily-prefetch-quota", "2")));
    emulator.start();
    try {
      BufferedReader lines = new BufferedReader(new InputStreamReader(pipe, StandardCharsets.UTF_8));
      String line = lines.readLine();
      String pointer = null;
      while (line != null && !line.contains("API 3.0: ")) {
        pointer = line.startsWith("Point refresh-cdn at it: ") ? line : pointer;
        line = lines.readLine();
      }
      String endpoint = line.substring(line.indexOf("http://")).trim();
      CdnClient client = client(endpoint);
      // when
      Quota[] before = client.DescribePushQuota(new DescribePushQuotaRequest()).getUrlPush();
      TencentCloudSDKException over = assertThrows(TencentCloudSDKException.class, () -> client.PushUrlsCache(push(3)));
      String taskId = client.PushUrlsCache(push(2)).getTaskId();
      // then
      for (Quota q : before) {
        assertEquals(List.of(2L, 2L, 500L), List.of(q.getTotal(), q.getAvailable(), q.getBatch()), q.getArea());
      }
      assertEquals("LimitExceeded.CdnPushExceedDayLimit", over.getErrorCode());
      // the pointer names the API 3.0 endpoint, which the default API takes without --api
      assertEquals("Point refresh-cdn at it: refresh-cdn --endpoint " + endpoint + " https://www.test.com/", pointer);
      assertFalse(taskId.isEmpty());
    } finally {
      emulator.interrupt();
      emulator.join(10_000);
    }
    assertEquals(0, exit.get(), err::toString);
  }

  @Test
  void aNegativeQuotaIsAUsageErrorAndNothingStarts() {
    // given
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    // when
    int exit = run(new PrintStream(out, true, StandardCharsets.UTF_8), err, "emulator", "--daily-prefetch-quota", "-1");
    // then
    assertEquals(2, exit);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("daily prefetch quota must not be negative: -1"), err::toString);
    assertFalse(out.toString(StandardCharsets.UTF_8).contains("listening"), out::toString);
  }
}
