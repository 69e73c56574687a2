package dev.refreshcdn.cli;

import static dev.refreshcdn.internal.CredentialNames.SECRET_ID;
import static dev.refreshcdn.internal.CredentialNames.SECRET_KEY;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.refreshcdn.internal.CredentialNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the key pair: an explicit --credentials FILE or --profile NAME is the only source used; otherwise the
 * environment, then tccli's {@code ~/.tccli/NAME.credential}, then the Java SDK's {@code ~/.tencentcloud/credentials}.
 * A miss names every place looked at.
 */
final class CredentialChain {
  /** Signs a dry run when no credentials exist: clearly not a real key pair. */
  static final String PLACEHOLDER_ID = "AKIDPLACEHOLDERDRYRUNNOTAREALKEY0000";
  static final String PLACEHOLDER_KEY = "placeholder-secret-key-for-dry-runs";
  private static final String BOM = "\uFEFF";

  private final Map<String, String> env;
  private final Path home;

  /** A chain over these environment variables and this home directory. */
  public CredentialChain(Map<String, String> env, Path home) {
    this.env = Map.copyOf(env);
    this.home = home;
  }

  /**
   * The key pair from {@code file} when given, else from tccli profile {@code profile} (or the SDK file's section of
   * that name) when given, else from the whole chain with profile $TCCLI_PROFILE or {@code default}.
   *
   * @param dryRun when nothing is found, return a placeholder pair instead of failing
   * @throws UsageException when nothing is found (naming every place looked at) or a file is unreadable or incomplete
   */
  public Creds resolve(String profile, Path file, boolean dryRun) {
    return new Search(profile).run(file, dryRun);
  }

  /**
   * The {@code api} setting ({@code v2} or {@code v3}) of the profile the credentials would come from, so a
   * profile can pick the API (API 3.0 by default) for every command; null when that source has none, or when none is found (the
   * commands report that themselves, once they need the key pair).
   */
  public String apiSetting(String profile, Path file) {
    try {
      return new Search(profile).run(file, true).api();
    } catch (UsageException e) {
      return null;
    }
  }

  /** One resolution, remembering the places it looked at. */
  private final class Search {
    private final String profileOption;
    private final String profile;
    private final List<String> looked = new ArrayList<>();

    Search(String profileOption) {
      this.profileOption = profileOption;
      this.profile = profileOption != null ? profileOption : env.getOrDefault("TCCLI_PROFILE", "default");
    }

    Creds run(Path file, boolean dryRun) {
      Creds found;
      if (file != null) {
        found = fromFile(file, true);
      } else if (profileOption != null) {
        found = first(tccli(), ini());
      } else {
        found = first(environment(), tccli(), ini());
      }
      if (found != null) {
        return found;
      }
      if (dryRun) {
        return new Creds(PLACEHOLDER_ID, PLACEHOLDER_KEY, null, "no credentials found; looked at: "
            + String.join("; ", looked), true);
      }
      throw new UsageException("no credentials found; looked at:\n  - " + String.join("\n  - ", looked)
          + "\nSet " + SECRET_ID + " and " + SECRET_KEY + ", run `tccli configure`, or pass --credentials FILE. "
          + "To try refresh-cdn without an account: --emulator");
    }

    /** Lazy enough: each candidate before the first hit only reads one file or a few variables. */
    private Creds first(Creds... candidates) {
      for (Creds c : candidates) {
        if (c != null) {
          return c;
        }
      }
      return null;
    }

    private Creds environment() {
      String id = env.get(SECRET_ID);
      String key = env.get(SECRET_KEY);
      boolean hasId = id != null && !id.isBlank();
      boolean hasKey = key != null && !key.isBlank();
      if (hasId != hasKey) {
        throw new UsageException((hasId ? SECRET_KEY : SECRET_ID) + " is not set but " + (hasId ? SECRET_ID : SECRET_KEY)
            + " is: set both");
      }
      looked.add("environment: " + SECRET_ID + " / " + SECRET_KEY + (hasId ? "" : " (not set)"));
      return hasId ? new Creds(id.strip(), key.strip(), envToken(), "the environment (" + SECRET_ID + ")", false) : null;
    }

    private String envToken() {
      for (String name : CredentialNames.TOKENS) {
        if (env.get(name) != null && !env.get(name).isBlank()) {
          return env.get(name).strip();
        }
      }
      return null;
    }

    private Creds tccli() {
      Path file = home.resolve(".tccli").resolve(profile + ".credential");
      if (!Files.exists(file)) {
        looked.add("tccli profile \"" + profile + "\": " + file + " (no such file)");
        return null;
      }
      return fromFile(file, false);
    }

    private Creds ini() {
      Path file = home.resolve(".tencentcloud").resolve("credentials");
      if (!Files.exists(file)) {
        looked.add("Tencent Cloud SDK file: " + file + " (no such file)");
        return null;
      }
      return fromFile(file, false);
    }

    private Creds fromFile(Path file, boolean explicit) {
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UsageException("cannot read credentials file " + file + ": " + e);
      }
      // Windows editors save UTF-8 with a byte order mark; left in, it hides the "{" and the first [section].
      if (text.startsWith(BOM)) {
        text = text.substring(1);
      }
      boolean jsonFile = text.strip().startsWith("{");
      Map<String, String> values = jsonFile ? json(file, text) : iniSection(text, profile);
      if (values == null) {
        looked.add(file + " (no [" + profile + "] section)");
        if (explicit) {
          throw new UsageException("credentials file " + file + " has no [" + profile + "] section");
        }
        return null;
      }
      String id = values.get(jsonFile ? "secretId" : "secret_id");
      String key = values.get(jsonFile ? "secretKey" : "secret_key");
      String token = values.get("token");
      String api = values.get("api");
      if (id == null || id.isBlank() || key == null || key.isBlank()) {
        throw new UsageException("credentials file " + file + " lacks " + (jsonFile ? "secretId or secretKey"
            : "secret_id or secret_key in [" + profile + "]") + " (role-based profiles are not supported)");
      }
      looked.add(file.toString());
      String what = jsonFile ? "tccli file " + file : file + " [" + profile + "]";
      return new Creds(id.strip(), key.strip(), token == null || token.isBlank() ? null : token.strip(), what, false,
          api == null || api.isBlank() ? null : api.strip());
    }
  }

  /** The top-level values of a tccli JSON file, as text. */
  private static Map<String, String> json(Path file, String text) {
    Map<String, Object> map;
    try {
      map = JSON.std.mapFrom(text);
    } catch (IOException e) {
      // Jackson's message quotes the offending text, which may be part of a key: name the place only.
      throw new UsageException("credentials file " + file + " is not valid JSON" + where(e));
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : map.entrySet()) {
      values.put(entry.getKey(), entry.getValue() == null ? null : entry.getValue().toString());
    }
    return values;
  }

  private static String where(IOException e) {
    if (e instanceof com.fasterxml.jackson.core.JsonProcessingException) {
      com.fasterxml.jackson.core.JsonLocation at = ((com.fasterxml.jackson.core.JsonProcessingException) e).getLocation();
      if (at != null) {
        return " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      }
    }
    return "";
  }

  /** The key = value pairs of one [section] of an INI file (keys in lower case), or null when there is none. */
  static Map<String, String> iniSection(String text, String name) {
    Map<String, String> section = null;
    boolean inside = false;
    for (String raw : text.split("\r?\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        inside = line.substring(1, line.length() - 1).strip().equals(name);
        if (inside && section == null) {
          section = new LinkedHashMap<>();
        }
      } else if (inside && line.indexOf('=') > 0) {
        section.put(line.substring(0, line.indexOf('=')).strip().toLowerCase(Locale.ROOT),
            line.substring(line.indexOf('=') + 1).strip());
      }
    }
    return section;
  }
}
