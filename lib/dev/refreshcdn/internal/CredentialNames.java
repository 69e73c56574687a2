package dev.refreshcdn.internal;

import java.util.List;

/** The environment variables credentials are read from, as Tencent Cloud's SDKs and tccli name them. */
public final class CredentialNames {
  public static final String SECRET_ID = "TENCENTCLOUD_SECRET_ID";
  public static final String SECRET_KEY = "TENCENTCLOUD_SECRET_KEY";
  /** Where a session token of temporary credentials is read from, in this order. */
  public static final List<String> TOKENS = List.of("TENCENTCLOUD_TOKEN", "TENCENTCLOUD_SECURITY_TOKEN");

  private CredentialNames() {}
}
