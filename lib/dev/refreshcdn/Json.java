package dev.refreshcdn;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.refreshcdn.internal.Texts;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading the service's JSON answers, exactly and strictly, for both API generations. */
final class Json {
  private static final JSON PARSER = JSON.std.with(JSON.Feature.USE_BIG_DECIMAL_FOR_FLOATS);

  private Json() {}

  /** A JSON object, numbers kept exact; anything else is a failure with no usable answer. */
  static Map<String, Object> parse(String body) throws Unanswered {
    try {
      Map<String, Object> root = PARSER.mapFrom(body);
      if (root == null) {
        throw notDocumented("the answer is not a JSON object", body, null);
      }
      return root;
    } catch (IOException | RuntimeException e) {
      throw notDocumented("the answer is not JSON", body, e);
    }
  }

  /** Any JSON scalar as text, digit for digit: {@code 1480069888795584532} stays exact. */
  static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal) {
      return ((BigDecimal) value).toPlainString();
    }
    return value.toString();
  }

  static String text(Map<String, Object> object, String field) {
    return text(object.get(field));
  }

  /** {@code value} as a JSON object, or null when it is not one. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Object value) {
    return value instanceof Map ? (Map<String, Object>) value : null;
  }

  /** A JSON array of objects; absent or null reads as empty, anything else is not the documented answer. */
  static List<Map<String, Object>> objects(Object value, String name, String body) throws Unanswered {
    List<Map<String, Object>> objects = new ArrayList<>();
    if (value == null) {
      return objects;
    }
    if (!(value instanceof List)) {
      throw notDocumented(name + " is not an array", body, null);
    }
    for (Object item : (List<?>) value) {
      Map<String, Object> object = object(item);
      if (object == null) {
        throw notDocumented(name + " holds something other than objects", body, null);
      }
      objects.add(object);
    }
    return objects;
  }

  /** A JSON array's items as text; anything else reads as empty. */
  static List<String> strings(Object value) {
    List<String> strings = new ArrayList<>();
    if (value instanceof List) {
      for (Object item : (List<?>) value) {
        strings.add(text(item));
      }
    }
    return strings;
  }

  static int number(Map<String, Object> object, String field, String body) throws Unanswered {
    Object value = object.get(field);
    if (!(value instanceof Number)) {
      throw notDocumented(field + " is not a number", body, null);
    }
    return ((Number) value).intValue();
  }

  static Unanswered notDocumented(String what, String body, Throwable cause) {
    return new Unanswered(what, 200, Texts.excerpt(body, NetworkText.EXCERPT_LENGTH), true, cause);
  }
}
