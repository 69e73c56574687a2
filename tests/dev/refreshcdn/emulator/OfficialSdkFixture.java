package dev.refreshcdn.emulator;

import com.fasterxml.jackson.jr.ob.JSON;
import com.google.gson.annotations.SerializedName;
import com.tencentcloudapi.cdn.v20180606.CdnClient;
import com.tencentcloudapi.cdn.v20180606.models.DescribePushTasksRequest;
import com.tencentcloudapi.cdn.v20180606.models.PurgeUrlsCacheRequest;
import com.tencentcloudapi.cdn.v20180606.models.PurgeUrlsCacheResponse;
import com.tencentcloudapi.cdn.v20180606.models.PushTask;
import com.tencentcloudapi.cdn.v20180606.models.PushUrlsCacheRequest;
import com.tencentcloudapi.cdn.v20180606.models.PushUrlsCacheResponse;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * {@link OfficialJavaSdkTest}'s setup: an emulator on the system clock owning three domains, the official SDK's
 * {@code CdnClient} pointed at it in a given mode, and the calls and model reflection its tests share.
 */
abstract class OfficialSdkFixture {
  static final String ID = "AKIDofficialJavaSdkEXAMPLE01";
  static final String KEY = "officialJavaSdkSecretKeyEXAMPLE";
  /** Every request method and signature method the SDK's profiles offer. */
  static final String MODES = "POST, TC3-HMAC-SHA256\nGET, TC3-HMAC-SHA256\nPOST, HmacSHA256\n"
      + "GET, HmacSHA256\nPOST, HmacSHA1\nGET, HmacSHA1";

  Emulator emu;

  @BeforeEach
  final void start() {
    emu = Emulator.builder().account(Tenant.of(ID, KEY).domain("www.test.com").domain("img.test.com")
        .domain("o.test.com", Emulator.DomainStatus.ONLINE, false, Emulator.Region.OVERSEAS)).start();
  }

  @AfterEach
  final void stop() {
    emu.close();
  }

  CdnClient client(Credential credential, String method, String signMethod) {
    HttpProfile http = new HttpProfile();
    http.setProtocol("http://");
    http.setEndpoint("127.0.0.1:" + emu.port());
    http.setReqMethod(method);
    ClientProfile profile = new ClientProfile();
    profile.setHttpProfile(http);
    profile.setSignMethod(signMethod);
    return new CdnClient(credential, "", profile);
  }

  CdnClient client(String method, String signMethod) {
    return client(new Credential(ID, KEY), method, signMethod);
  }

  static PurgeUrlsCacheResponse purgeUrls(CdnClient client, String... urls) throws TencentCloudSDKException {
    PurgeUrlsCacheRequest request = new PurgeUrlsCacheRequest();
    request.setUrls(urls);
    return client.PurgeUrlsCache(request);
  }

  static PushUrlsCacheResponse pushUrls(CdnClient client, String... urls) throws TencentCloudSDKException {
    PushUrlsCacheRequest request = new PushUrlsCacheRequest();
    request.setUrls(urls);
    return client.PushUrlsCache(request);
  }

  static PushTask[] pushLogs(CdnClient client, String taskId) throws TencentCloudSDKException {
    DescribePushTasksRequest request = new DescribePushTasksRequest();
    request.setTaskId(taskId);
    return client.DescribePushTasks(request).getPushLogs();
  }

  static Map<String, Object> raw(CdnClient client, String action, String json)
      throws TencentCloudSDKException, IOException {
    return object(JSON.std.mapFrom(client.call(action, json)).get("Response"));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Object value) {
    return (Map<String, Object>) value;
  }

  /** The JSON names the SDK model declares. */
  static Set<String> fields(Class<?> model) {
    return Arrays.stream(model.getDeclaredFields())
        .filter(f -> f.isAnnotationPresent(SerializedName.class))
        .map((Field f) -> f.getAnnotation(SerializedName.class).value())
        .collect(Collectors.toSet());
  }
}
