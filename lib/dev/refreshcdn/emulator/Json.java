package dev.refreshcdn.emulator;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.jr.ob.JSON;

/** JSON through Jackson jr, the library's one runtime dependency; maps keep their insertion order. */
final class Json {
  private Json() {
  }

  static String write(Object value) {
    try {
      return JSON.std.asString(value);
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
