package dev.refreshcdn.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tencentcloudapi.cdn.v20180606.CdnClient;
import com.tencentcloudapi.cdn.v20180606.models.DescribePurgeQuotaRequest;
import com.tencentcloudapi.cdn.v20180606.models.DescribePurgeQuotaResponse;
import com.tencentcloudapi.cdn.v20180606.models.DescribePurgeTasksRequest;
import com.tencentcloudapi.cdn.v20180606.models.DescribePurgeTasksResponse;
import com.tencentcloudapi.cdn.v20180606.models.PurgePathCacheRequest;
import com.tencentcloudapi.cdn.v20180606.models.PurgePathCacheResponse;
import com.tencentcloudapi.cdn.v20180606.models.PurgeTask;
import com.tencentcloudapi.cdn.v20180606.models.PurgeUrlsCacheRequest;
import com.tencentcloudapi.cdn.v20180606.models.PurgeUrlsCacheResponse;
import com.tencentcloudapi.cdn.v20180606.models.Quota;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Compatibility check: Tencent's official API 3.0 Java SDK ({@code tencentcloud-sdk-java-cdn}), pointed at
 * the emulator on loopback, signs requests the emulator accepts and reads the documented answers it gives.
 * The SDK signs with the system clock, so the emulator runs on it too.
 */
class OfficialJavaSdkTest {
  private static final String ID = "AKIDofficialJavaSdkEXAMPLE01";
  private static final String KEY = "officialJavaSdkSecretKeyEXAMPLE";

  private Emulator emu;

  @BeforeEach
  void start() {
    emu = Emulator.builder().account(ID, KEY, "www.test.com", "img.test.com").start();
  }

  @AfterEach
  void stop() {
    emu.close();
  }

  private CdnClient client(Credential credential) {
    HttpProfile http = new HttpProfile();
    http.setProtocol("http://");
    http.setEndpoint("127.0.0.1:" + emu.port());
    ClientProfile profile = new ClientProfile();
    profile.setHttpProfile(http);
    return new CdnClient(credential, "", profile);
  }

  private CdnClient client() {
    return client(new Credential(ID, KEY));
  }

  private PurgeUrlsCacheResponse purgeUrls(CdnClient client, String... urls) throws TencentCloudSDKException {
    PurgeUrlsCacheRequest request = new PurgeUrlsCacheRequest();
    request.setUrls(urls);
    return client.PurgeUrlsCache(request);
  }

  @Test
  void purgeUrlsCacheAnswersATaskIdAndARequestId() throws Exception {
    // when
    PurgeUrlsCacheResponse response = purgeUrls(client(), "https://www.test.com/1.jpg", "https://img.test.com/2.jpg");
    // then
    assertFalse(response.getTaskId().isEmpty());
    assertFalse(response.getRequestId().isEmpty());
    Emulator.RecordedRequest recorded = emu.requests().get(0);
    assertTrue(recorded.accepted(), recorded.toString());
    assertEquals("PurgeUrlsCache", recorded.action());
    assertEquals(List.of("https://www.test.com/1.jpg", "https://img.test.com/2.jpg"), recorded.urls());
    assertEquals(response.getTaskId(), recorded.taskId().orElseThrow());
  }

  @Test
  void purgePathCacheTakesPathsAndFlushType() throws Exception {
    // given
    PurgePathCacheRequest request = new PurgePathCacheRequest();
    request.setPaths(new String[] {"https://www.test.com/img/"});
    request.setFlushType("delete");
    // when
    PurgePathCacheResponse response = client().PurgePathCache(request);
    // then
    assertFalse(response.getTaskId().isEmpty());
    Emulator.RecordedRequest recorded = emu.requests().get(0);
    assertTrue(recorded.accepted(), recorded.toString());
    assertEquals(Map.of("Paths.0", "https://www.test.com/img/", "FlushType", "delete"), recorded.params());
  }

  @Test
  void describePurgeTasksListsOneRowPerUrlOfTheTaskAndPages() throws Exception {
    // given
    CdnClient client = client();
    String taskId = purgeUrls(client, "https://www.test.com/1.jpg", "https://www.test.com/2.jpg",
        "https://www.test.com/3.jpg").getTaskId();
    DescribePurgeTasksRequest request = new DescribePurgeTasksRequest();
    request.setTaskId(taskId);
    request.setOffset(1L);
    request.setLimit(2L);
    // when
    DescribePurgeTasksResponse response = client.DescribePurgeTasks(request);
    // then
    assertEquals(3L, response.getTotalCount());
    assertEquals(2, response.getPurgeLogs().length);
    for (PurgeTask row : response.getPurgeLogs()) {
      assertEquals(taskId, row.getTaskId());
      assertEquals("process", row.getStatus()); // the default completion is 5 s away
      assertEquals("url", row.getPurgeType());
      assertTrue(row.getCreateTime().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"), row.getCreateTime());
    }
  }

  @Test
  void describePurgeQuotaShowsWhatIsLeftPerArea() throws Exception {
    // given
    CdnClient client = client();
    purgeUrls(client, "https://www.test.com/1.jpg");
    // when
    DescribePurgeQuotaResponse response = client.DescribePurgeQuota(new DescribePurgeQuotaRequest());
    // then
    Map<String, Long> available = Arrays.stream(response.getUrlPurge())
        .collect(Collectors.toMap(Quota::getArea, Quota::getAvailable));
    assertEquals(Map.of("mainland", 9_999L, "overseas", 10_000L), available);
    Quota paths = response.getPathPurge()[0];
    assertEquals(100L, paths.getTotal());
    assertNotNull(paths.getBatch());
  }

  @Test
  void aWrongKeyIsRefusedWithSignatureFailure() {
    // when
    TencentCloudSDKException e = assertThrows(TencentCloudSDKException.class,
        () -> purgeUrls(client(new Credential(ID, "wrongKey")), "https://www.test.com/1.jpg"));
    // then
    assertEquals("AuthFailure.SignatureFailure", e.getErrorCode());
    assertFalse(e.getRequestId().isEmpty());
    assertFalse(emu.requests().get(0).accepted());
  }

  @Test
  void aSessionTokenIsAccepted() throws Exception {
    // when
    PurgeUrlsCacheResponse response = purgeUrls(client(new Credential(ID, KEY, "temporary-session-token")),
        "https://www.test.com/1.jpg");
    // then
    assertFalse(response.getTaskId().isEmpty());
    assertTrue(emu.requests().get(0).accepted());
    assertFalse(emu.requests().get(0).toString().contains("temporary-session-token"));
  }
}
