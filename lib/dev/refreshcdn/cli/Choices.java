package dev.refreshcdn.cli;

import dev.refreshcdn.Api;
import dev.refreshcdn.Area;
import dev.refreshcdn.Refresh;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** The values of --api and --area as typed, and the REFRESH_CDN_API default. */
final class Choices {
  /** The environment variable that picks the API when --api is not given. */
  static final String API_VARIABLE = "REFRESH_CDN_API";

  private Choices() {}

  /**
   * {@code v2} or {@code v3}, in any case.
   *
   * @throws IllegalArgumentException naming the value otherwise
   */
  static Api api(String value) {
    switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "v2":
        return Api.V2;
      case "v3":
        return Api.V3;
      default:
        throw new IllegalArgumentException("expected v2 or v3: " + value);
    }
  }

  /**
   * The API to use: {@code option} when given, else {@value #API_VARIABLE} when set, else v3 (API 3.0).
   *
   * @throws UsageException when the variable holds something other than v2 or v3
   */
  static Api api(Api option, Map<String, String> env) {
    return api(option, env, () -> null);
  }

  /**
   * The API to use: {@code option} when given, else {@value #API_VARIABLE} when set, else the credentials
   * profile's {@code api} setting when it has one, else v3 (API 3.0, {@link Refresh#DEFAULT_API}).
   *
   * @throws UsageException when the variable or the setting holds something other than v2 or v3
   */
  static Api api(Api option, Map<String, String> env, Supplier<String> profileSetting) {
    if (option != null) {
      return option;
    }
    String value = env.get(API_VARIABLE);
    String source = API_VARIABLE;
    if (value == null || value.isBlank()) {
      value = profileSetting.get();
      source = "the credentials profile's api setting";
    }
    if (value == null || value.isBlank()) {
      return Refresh.DEFAULT_API;
    }
    try {
      return api(value);
    } catch (IllegalArgumentException e) {
      throw new UsageException(source + " must be v2 or v3: " + value);
    }
  }

  /**
   * {@code mainland} or {@code overseas}, in any case.
   *
   * @throws IllegalArgumentException naming the value otherwise
   */
  static Area area(String value) {
    switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "mainland":
        return Area.MAINLAND;
      case "overseas":
        return Area.OVERSEAS;
      default:
        throw new IllegalArgumentException("expected mainland or overseas: " + value);
    }
  }
}
