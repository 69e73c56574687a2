package dev.refreshcdn;

import dev.refreshcdn.Api.HttpMethod;
import dev.refreshcdn.Api.SignatureMethod;
import dev.refreshcdn.internal.Texts;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and encodes legacy (API 2.0) requests. The string to sign and the wire form are written as bytes
 * into two buffers, so a request of 1000 URLs costs one byte array per URL and no joined strings.
 *
 * <p>The string to sign is METHOD + host + path + {@code ?} + every parameter but {@code Signature},
 * sorted by name with {@code _} in names read as {@code .}, as {@code name=value} with raw UTF-8 values
 * joined by {@code &}. The host is the one the {@code Host} header carries: with {@code :port} unless the
 * port is the scheme's default.
 */
final class V2Codec {
  static final String CONTENT_TYPE = "application/x-www-form-urlencoded";

  private final HttpMethod method;
  private final SignatureMethod signatureMethod;
  private final Credentials credentials;
  private final String base;
  private final byte[] signedPrefix;
  private final Mac mac;
  private final ByteSink toSign = new ByteSink(64 * 1024);
  private byte[][] names = new byte[0][];
  private String namesFor = "";

  V2Codec(URI endpoint, HttpMethod method, SignatureMethod signatureMethod, Credentials credentials) {
    this.method = method;
    this.signatureMethod = signatureMethod;
    this.credentials = credentials;
    this.base = endpoint.getScheme() + "://" + endpoint.getRawAuthority() + path(endpoint);
    this.signedPrefix = (method.name() + signedHost(endpoint) + path(endpoint) + "?").getBytes(StandardCharsets.UTF_8);
    this.mac = newMac(signatureMethod, credentials.secretKey());
  }

  /** The host as the JDK's client writes it in the {@code Host} header. */
  static String signedHost(URI endpoint) {
    int port = endpoint.getPort();
    int defaultPort = "https".equalsIgnoreCase(endpoint.getScheme()) ? 443 : 80;
    return port == -1 || port == defaultPort ? endpoint.getHost() : endpoint.getHost() + ":" + port;
  }

  private static String path(URI endpoint) {
    String path = endpoint.getRawPath();
    return path == null || path.isEmpty() ? "/" : path;
  }

  private static Mac newMac(SignatureMethod signatureMethod, String secretKey) {
    try {
      Mac mac = Mac.getInstance(signatureMethod.name());
      mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), signatureMethod.name()));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot compute " + signatureMethod, e);
    }
  }

  /**
   * Signs and encodes one call: {@code Action}, the common parameters, {@code actionParameters} and the
   * array {@code arrayName.0 … arrayName.n-1} holding {@code values}.
   */
  EncodedRequest encode(String action, Map<String, String> actionParameters, String arrayName,
      List<String> values, long timestamp, int nonce) {
    TreeMap<String, String[]> scalars = new TreeMap<>();
    put(scalars, "Action", action);
    put(scalars, "Nonce", Integer.toString(nonce));
    put(scalars, "SecretId", credentials.secretId());
    if (signatureMethod != SignatureMethod.HmacSHA1) {
      put(scalars, "SignatureMethod", signatureMethod.name());
    }
    put(scalars, "Timestamp", Long.toString(timestamp));
    if (credentials.token() != null) {
      put(scalars, "Token", credentials.token());
    }
    actionParameters.forEach((name, value) -> put(scalars, name, value));

    byte[][] raw = new byte[values.size()][];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = values.get(i).getBytes(StandardCharsets.UTF_8);
    }
    String signature = sign(scalars, arrayName, raw);

    ByteSink wire = new ByteSink(64 * raw.length + 256);
    for (String[] parameter : scalars.values()) {
      wire.ascii(parameter[0]).ascii("=");
      PercentEncoding.encode(parameter[1], wire);
      wire.ascii("&");
    }
    byte[][] names = arrayNames(arrayName, raw.length);
    for (int i = 0; i < raw.length; i++) {
      wire.write(names[i]);
      PercentEncoding.encode(raw[i], raw[i].length, wire);
      wire.ascii("&");
    }
    wire.ascii("Signature=");
    PercentEncoding.encode(signature, wire);

    String preview = preview(scalars, arrayName, values);
    if (method == HttpMethod.GET) {
      return new EncodedRequest(method, URI.create(base + "?" + wire), null, wire.size(), values.size(), preview,
          null, Map.of());
    }
    return new EncodedRequest(method, URI.create(base), wire.buffer(), wire.size(), values.size(), preview,
        CONTENT_TYPE, Map.of());
  }

  /** Signs a complete parameter map, as the official SDKs do; for the published vectors. */
  String sign(Map<String, String> parameters) {
    return sign(scalarsOf(parameters), null, new byte[0][]);
  }

  /** The string {@link #sign(Map)} signs, for tests and debugging. */
  String stringToSign(Map<String, String> parameters) {
    return writeStringToSign(scalarsOf(parameters), null, new byte[0][]).toString();
  }

  private static TreeMap<String, String[]> scalarsOf(Map<String, String> parameters) {
    TreeMap<String, String[]> scalars = new TreeMap<>();
    parameters.forEach((name, value) -> put(scalars, name, value));
    return scalars;
  }

  private static void put(TreeMap<String, String[]> scalars, String name, String value) {
    scalars.put(name.replace('_', '.'), new String[] {name, value});
  }

  private String sign(TreeMap<String, String[]> scalars, String arrayName, byte[][] raw) {
    ByteSink text = writeStringToSign(scalars, arrayName, raw);
    // One update over the whole text: far cheaper than thousands of small ones.
    mac.update(text.buffer(), 0, text.size());
    return Base64.getEncoder().encodeToString(mac.doFinal());
  }

  /** Writes the string to sign into {@link #toSign}, reused from request to request. */
  private ByteSink writeStringToSign(TreeMap<String, String[]> scalars, String arrayName, byte[][] raw) {
    toSign.size(0);
    toSign.write(signedPrefix);
    boolean first = true;
    boolean arrayDone = arrayName == null || raw.length == 0;
    String arrayKey = arrayName + ".";
    for (Map.Entry<String, String[]> scalar : scalars.entrySet()) {
      if (!arrayDone && scalar.getKey().compareTo(arrayKey) > 0) {
        writeArray(arrayName, raw, first);
        arrayDone = true;
        first = false;
      }
      toSign.ascii(first ? "" : "&").write(scalar.getKey().getBytes(StandardCharsets.UTF_8)).ascii("=")
          .write(scalar.getValue()[1].getBytes(StandardCharsets.UTF_8));
      first = false;
    }
    if (!arrayDone) {
      writeArray(arrayName, raw, first);
    }
    return toSign;
  }

  /** Writes {@code name.i=value} pairs in the service's order: indices sorted as strings (0, 1, 10, 100, 11 …). */
  private void writeArray(String arrayName, byte[][] raw, boolean first) {
    byte[][] names = arrayNames(arrayName, raw.length);
    for (int index : LexicalOrder.of(raw.length)) {
      toSign.ascii(first ? "" : "&").write(names[index]).write(raw[index]);
      first = false;
    }
  }

  /** {@code name.0=}, {@code name.1=}, … as bytes, made once per codec: every request needs the same ones. */
  private byte[][] arrayNames(String arrayName, int count) {
    if (!arrayName.equals(namesFor) || names.length < count) {
      names = new byte[Math.max(count, names.length)][];
      for (int i = 0; i < names.length; i++) {
        names[i] = (arrayName + "." + i + "=").getBytes(StandardCharsets.US_ASCII);
      }
      namesFor = arrayName;
    }
    return names;
  }

  private String preview(TreeMap<String, String[]> scalars, String arrayName, List<String> values) {
    StringBuilder text = new StringBuilder();
    for (String[] parameter : scalars.values()) {
      String value = parameter[0].equals("SecretId") ? Texts.maskId(parameter[1])
          : parameter[0].equals("Token") ? "<redacted>" : parameter[1];
      text.append(parameter[0]).append('=').append(value).append('&');
    }
    if (!values.isEmpty()) {
      text.append(arrayName).append(".0=").append(values.get(0)).append('&');
    }
    if (values.size() > 1) {
      text.append("… ").append(arrayName).append(".").append(values.size() - 1).append('=')
          .append(values.get(values.size() - 1)).append('&');
    }
    return text.append("Signature=<redacted>").toString();
  }
}
