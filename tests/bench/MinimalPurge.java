// The floor for the README's end-to-end benchmark: the least a Java program must do to purge a file of URLs on
// API 3.0. Reads FILE, drops blank lines, # comments and exact duplicates, and sends PurgeUrlsCache requests of
// 1000 URLs, TC3-HMAC-SHA256 signed, with the JDK's HttpClient to http://127.0.0.1:PORT/ (nothing else: no
// checks, no quota, no journal, no retries). Key from TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY.
//   java tests/bench/MinimalPurge.java FILE PORT
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class MinimalPurge {
  public static void main(String[] args) throws Exception {
    String id = System.getenv("TENCENTCLOUD_SECRET_ID");
    String key = System.getenv("TENCENTCLOUD_SECRET_KEY");
    String host = "127.0.0.1:" + args[1];
    LinkedHashSet<String> distinct = new LinkedHashSet<>();
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      String url = line.strip();
      if (!url.isEmpty() && !url.startsWith("#")) {
        distinct.add(url);
      }
    }
    List<String> urls = new ArrayList<>(distinct);
    HttpClient client = HttpClient.newHttpClient();
    for (int from = 0; from < urls.size(); from += 1000) {
      StringBuilder json = new StringBuilder("{\"Urls\":[");
      for (int i = from; i < Math.min(from + 1000, urls.size()); i++) {
        json.append(i > from ? ",\"" : "\"").append(urls.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
      }
      byte[] body = json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
      long timestamp = Instant.now().getEpochSecond();
      String date = Instant.ofEpochSecond(timestamp).atZone(ZoneOffset.UTC).toLocalDate().toString();
      String type = "application/json; charset=utf-8";
      String canonical = "POST\n/\n\ncontent-type:" + type + "\nhost:" + host + "\n\ncontent-type;host\n" + hex(sha256(body));
      String scope = date + "/cdn/tc3_request";
      String toSign = "TC3-HMAC-SHA256\n" + timestamp + "\n" + scope + "\n"
          + hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
      byte[] signing = hmac(hmac(hmac(("TC3" + key).getBytes(StandardCharsets.UTF_8), date), "cdn"), "tc3_request");
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + "/"))
          .header("Content-Type", type)
          .header("X-TC-Action", "PurgeUrlsCache")
          .header("X-TC-Version", "2018-06-06")
          .header("X-TC-Timestamp", Long.toString(timestamp))
          .header("Authorization", "TC3-HMAC-SHA256 Credential=" + id + "/" + scope
              + ", SignedHeaders=content-type;host, Signature=" + hex(hmac(signing, toSign)))
          .POST(HttpRequest.BodyPublishers.ofByteArray(body))
          .build();
      String answer = client.send(request, HttpResponse.BodyHandlers.ofString()).body();
      if (!answer.contains("\"TaskId\"")) {
        throw new IllegalStateException("not accepted: " + answer);
      }
    }
    System.out.println(urls.size() + " URLs sent");
  }

  private static byte[] sha256(byte[] bytes) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(bytes);
  }

  private static byte[] hmac(byte[] key, String message) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
  }

  private static String hex(byte[] bytes) {
    StringBuilder text = new StringBuilder();
    for (byte b : bytes) {
      text.append(String.format("%02x", b));
    }
    return text.toString();
  }
}
