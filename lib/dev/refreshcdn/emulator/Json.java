package dev.refreshcdn.emulator;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.jr.ob.JSON;

/** JSON through Jackson jr, the library's one runtime dependency; maps keep their insertion order. */
final class Json {
  private Json() {
  }

  /** API answers keep their null fields: the service sends {@code "Sni": null} where a model field has no value. */
  private static final JSON WITH_NULLS = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES);

  /** Writes {@code value}, leaving out map entries whose value is null. */
  static String write(Object value) {
    return write(JSON.std, value);
  }

  /** Writes {@code value} with its null map entries, as an API answer. */
  static String writeWithNulls(Object value) {
    return write(WITH_NULLS, value);
  }

  private static String write(JSON json, Object value) {
    try {
      return json.asString(value);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON for " + value.getClass(), e);
    }
  }

  /** @throws IllegalArgumentException when the text is not a JSON object */
  static Map<String, Object> readObject(String text) {
    try {
      Map<String, Object> map = JSON.std.mapFrom(text);
      if (map == null) {
        throw new IllegalArgumentException("the body is not a JSON object");
      }
      return map;
    } catch (IOException e) {
      throw new IllegalArgumentException("the body is not a JSON object: " + e.getMessage(), e);
    }
  }
}
