package dev.refreshcdn.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters each API 3.0 action defines, with their types: the fields of the request models of
 * Tencent's Java SDK 3.1.1114 ({@code com.tencentcloudapi.cdn.v20180606.models}). The gateway refuses
 * anything else before the action runs, as the service does: a name the action does not define gets
 * {@code UnknownParameter} ("The parameter `UrlEncoded` is not recognized.", the wording live answers
 * carry), a value of the wrong type {@code InvalidParameter} ("The value type of parameter `Offset` is not
 * valid."). A JSON {@code null} counts as absent, as the SDKs never send one. The objects of an array of
 * objects (DescribeDomains' {@code Filters}) are checked the same way, a field named by its place
 * ({@code Filters.0.Nmae}).
 */
final class Api3Params {
  /**
   * OBJECTS: an array of objects whose own fields {@link #ELEMENTS} defines (DescribeDomains' Filters,
   * PushUrlsCache's Headers).
   */
  enum Type { STRING, STRINGS, INTEGER, BOOLEAN, OBJECTS }

  /** What signature v1 sends beside the action's own parameters; never "unknown" in that mode. */
  static final Set<String> V1_COMMON = Set.of("Action", "Version", "Region", "Timestamp", "Nonce", "SecretId",
      "Signature", "SignatureMethod", "Token", "Language", "RequestClient");

  private static final Map<String, Map<String, Type>> ACTIONS = Map.of(
      "PurgeUrlsCache", fields("Urls", Type.STRINGS, "Area", Type.STRING, "UrlEncode", Type.BOOLEAN),
      "PurgePathCache", fields("Paths", Type.STRINGS, "FlushType", Type.STRING, "UrlEncode", Type.BOOLEAN,
          "Area", Type.STRING),
      "DescribePurgeTasks", fields("PurgeType", Type.STRING, "StartTime", Type.STRING, "EndTime", Type.STRING,
          "TaskId", Type.STRING, "Offset", Type.INTEGER, "Limit", Type.INTEGER, "Keyword", Type.STRING,
          "Status", Type.STRING, "Area", Type.STRING),
      "DescribePurgeQuota", fields(),
      "DescribeDomains", fields("Offset", Type.INTEGER, "Limit", Type.INTEGER, "Filters", Type.OBJECTS),
      "PushUrlsCache", fields("Urls", Type.STRINGS, "UserAgent", Type.STRING, "Area", Type.STRING, "Layer", Type.STRING,
          "ParseM3U8", Type.BOOLEAN, "DisableRange", Type.BOOLEAN, "Headers", Type.OBJECTS, "UrlEncode", Type.BOOLEAN),
      "DescribePushTasks", fields("StartTime", Type.STRING, "EndTime", Type.STRING, "TaskId", Type.STRING,
          "Keyword", Type.STRING, "Offset", Type.INTEGER, "Limit", Type.INTEGER, "Area", Type.STRING,
          "Status", Type.STRING),
      "DescribePushQuota", fields());

  /** The fields of each element of an OBJECTS parameter, by action and name: the SDK's DomainFilter, HTTPHeader. */
  private static final Map<String, Map<String, Type>> ELEMENTS = Map.of(
      "DescribeDomains.Filters", fields("Name", Type.STRING, "Value", Type.STRINGS, "Fuzzy", Type.BOOLEAN),
      "PushUrlsCache.Headers", fields("Name", Type.STRING, "Value", Type.STRING));

  /** A form name for one element of an array parameter: Urls.0, Urls.1, ... */
  private static final Pattern ELEMENT = Pattern.compile("(.+)\\.(0|[1-9][0-9]{0,8})");
  /** A form name for a field of one object of an array parameter: Filters.0.Name, Filters.0.Value.1, ... */
  private static final Pattern OBJECT_FIELD = Pattern.compile("([^.]+)\\.(0|[1-9][0-9]{0,8})\\.(.+)");
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");

  /** The parameters as the action reads them (arrays as lists, integers as Long), or the gateway's refusal. */
  static final class Checked {
    final Map<String, Object> values;
    final String code;
    final String message;

    private Checked(Map<String, Object> values, String code, String message) {
      this.values = values;
      this.code = code;
      this.message = message;
    }

    boolean ok() {
      return code == null;
    }
  }

  private Api3Params() {
  }

  /** Checks a JSON body (TC3 POST): every field defined and of its type, in the objects of an array too. */
  static Checked json(String action, Map<String, Object> json) {
    Map<String, Type> defined = ACTIONS.get(action);
    return defined == null ? noSuchAction(action) : json(action, defined, json, "");
  }

  /** One JSON object against its fields; {@code prefix} is where it sits ("" or e.g. "Filters.0."). */
  private static Checked json(String action, Map<String, Type> defined, Map<String, Object> json, String prefix) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : json.entrySet()) {
      String name = prefix + e.getKey();
      Type type = defined.get(e.getKey());
      if (type == null) {
        return unknown(name);
      }
      if (e.getValue() == null) {
        continue;
      }
      if (!fits(type, e.getValue())) {
        return badType(name);
      }
      if (type != Type.OBJECTS) {
        values.put(e.getKey(), e.getValue());
        continue;
      }
      Map<String, Type> fields = ELEMENTS.get(action + "." + e.getKey());
      List<Object> objects = new ArrayList<>();
      for (Object item : (List<?>) e.getValue()) {
        @SuppressWarnings("unchecked")
        Checked c = json(action, fields, (Map<String, Object>) item, name + "." + objects.size() + ".");
        if (!c.ok()) {
          return c;
        }
        objects.add(c.values);
      }
      values.put(e.getKey(), List.copyOf(objects));
    }
    return new Checked(values, null, null);
  }

  /**
   * Checks form parameters (GET query, or a signature v1 POST body) without the common ones: arrays come
   * flattened as {@code Urls.0=...&Urls.1=...}, arrays of objects as {@code Filters.0.Name=...&Filters.0.Value.0=...},
   * numbers and booleans as text.
   */
  static Checked form(String action, Map<String, String> form) {
    Map<String, Type> defined = ACTIONS.get(action);
    return defined == null ? noSuchAction(action) : form(action, defined, form, "");
  }

  private static Checked form(String action, Map<String, Type> defined, Map<String, String> form, String prefix) {
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, TreeMap<Integer, String>> arrays = new LinkedHashMap<>();
    Map<String, TreeMap<Integer, Map<String, String>>> objects = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : form.entrySet()) {
      String name = e.getKey();
      Type type = defined.get(name);
      Matcher element = ELEMENT.matcher(name);
      Matcher field = OBJECT_FIELD.matcher(name);
      if (type == null && field.matches() && defined.get(field.group(1)) == Type.OBJECTS) {
        objects.computeIfAbsent(field.group(1), k -> new TreeMap<>())
            .computeIfAbsent(Integer.parseInt(field.group(2)), k -> new LinkedHashMap<>()).put(field.group(3), e.getValue());
        values.putIfAbsent(field.group(1), List.of());
      } else if (type == null && element.matches() && defined.get(element.group(1)) == Type.STRINGS) {
        arrays.computeIfAbsent(element.group(1), k -> new TreeMap<>()).put(Integer.parseInt(element.group(2)), e.getValue());
        values.putIfAbsent(element.group(1), List.of());
      } else if (type == null) {
        return unknown(prefix + name);
      } else if (type == Type.STRINGS || type == Type.OBJECTS) {
        return badType(prefix + name);
      } else {
        Object value = scalar(type, e.getValue());
        if (value == null) {
          return badType(prefix + name);
        }
        values.put(name, value);
      }
    }
    for (Map.Entry<String, TreeMap<Integer, String>> e : arrays.entrySet()) {
      List<String> list = new ArrayList<>();
      for (Map.Entry<Integer, String> item : e.getValue().entrySet()) {
        if (item.getKey() != list.size()) {
          return missing(prefix + e.getKey() + "." + list.size());
        }
        list.add(item.getValue());
      }
      values.put(e.getKey(), List.copyOf(list));
    }
    return formObjects(action, objects, values, prefix);
  }

  /** Checks each object of each array of objects against its fields, and puts them in {@code values}. */
  private static Checked formObjects(String action, Map<String, TreeMap<Integer, Map<String, String>>> objects,
      Map<String, Object> values, String prefix) {
    for (Map.Entry<String, TreeMap<Integer, Map<String, String>>> e : objects.entrySet()) {
      List<Object> list = new ArrayList<>();
      for (Map.Entry<Integer, Map<String, String>> item : e.getValue().entrySet()) {
        String where = prefix + e.getKey() + "." + list.size();
        if (item.getKey() != list.size()) {
          return missing(where);
        }
        Checked c = form(action, ELEMENTS.get(action + "." + e.getKey()), item.getValue(), where + ".");
        if (!c.ok()) {
          return c;
        }
        list.add(c.values);
      }
      values.put(e.getKey(), List.copyOf(list));
    }
    return new Checked(values, null, null);
  }

  /**
   * The names an action defines ({@code "DescribeDomains"}) or an element of its array of objects defines
   * ({@code "DescribeDomains.Filters"}); empty for neither.
   */
  static Set<String> names(String actionOrElement) {
    Map<String, Type> defined = ACTIONS.getOrDefault(actionOrElement, ELEMENTS.get(actionOrElement));
    return defined == null ? Set.of() : defined.keySet();
  }

  /** The form parameters an action reads, without signature v1's common ones. */
  static Map<String, String> withoutCommon(Map<String, String> form) {
    Map<String, String> own = new LinkedHashMap<>(form);
    own.keySet().removeAll(V1_COMMON);
    return own;
  }

  private static boolean fits(Type type, Object value) {
    switch (type) {
      case STRING:
        return value instanceof String;
      case BOOLEAN:
        return value instanceof Boolean;
      case INTEGER:
        return value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger;
      case OBJECTS:
        return value instanceof List && ((List<?>) value).stream().allMatch(v -> v instanceof Map);
      default:
        return value instanceof List && ((List<?>) value).stream().allMatch(v -> v instanceof String);
    }
  }

  private static Object scalar(Type type, String text) {
    switch (type) {
      case INTEGER:
        return INTEGER.matcher(text).matches() ? Long.valueOf(text) : null;
      case BOOLEAN:
        String lower = text.toLowerCase(Locale.ROOT);
        return "true".equals(lower) ? Boolean.TRUE : "false".equals(lower) ? Boolean.FALSE : null;
      default:
        return text;
    }
  }

  private static Checked noSuchAction(String action) {
    return new Checked(null, "InvalidAction", "The requested action `" + action + "` does not exist.");
  }

  private static Checked missing(String name) {
    return new Checked(null, "MissingParameter", "The request is missing a required parameter `" + name + "`.");
  }

  private static Checked unknown(String name) {
    return new Checked(null, "UnknownParameter", "The parameter `" + name + "` is not recognized.");
  }

  private static Checked badType(String name) {
    return new Checked(null, "InvalidParameter", "The value type of parameter `" + name + "` is not valid.");
  }

  private static Map<String, Type> fields(Object... nameTypePairs) {
    Map<String, Type> m = new LinkedHashMap<>();
    for (int i = 0; i < nameTypePairs.length; i += 2) {
      m.put((String) nameTypePairs[i], (Type) nameTypePairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}
