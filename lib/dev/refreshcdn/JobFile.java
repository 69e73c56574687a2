package dev.refreshcdn;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.refreshcdn.Api.HttpMethod;
import dev.refreshcdn.Api.SignatureMethod;
import dev.refreshcdn.internal.Texts;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

/**
 * A job's {@code job.json}, read and checked whole: a file that was emptied, cut short or edited into something
 * this version would misread is refused with what is wrong in it, never half used.
 */
final class JobFile {
  final String id;
  final Instant created;
  final Api api;
  final URI endpoint;
  final boolean directories;
  final boolean flushAll;
  final HttpMethod method;
  final SignatureMethod signatureMethod;
  final Area area;
  final boolean urlEncode;
  final int batchSize;
  final Integer dailyQuota;
  final int urlCount;
  /** A prefetch's options, with its purge phase if it has one; null for a purge (every older job). */
  final Prefetch prefetch;

  private JobFile(Path file, Map<String, Object> job) throws IOException {
    Fields f = new Fields(file, job);
    id = f.get("id", true, value -> value);
    String directory = String.valueOf(file.getParent().getFileName());
    if (!id.equals(directory)) {
      throw new IOException(file + " names job " + Texts.quote(id) + ", not its directory's " + directory);
    }
    created = f.get("created", true, Instant::parse);
    api = f.get("api", true, Api::valueOf);
    endpoint = f.get("endpoint", true, URI::create);
    directories = f.flag("directories");
    flushAll = f.flag("flushAll");
    method = f.get("method", true, HttpMethod::valueOf);
    signatureMethod = f.get("signatureMethod", true, SignatureMethod::valueOf);
    area = f.get("area", false, Area::valueOf);
    urlEncode = f.flag("urlEncode");
    batchSize = f.get("batchSize", true, value -> atLeast(1, value));
    dailyQuota = f.get("dailyQuota", false, value -> atLeast(1, value));
    urlCount = f.get("urls", true, value -> atLeast(0, value));
    prefetch = f.prefetch(JournalFormat.PREFETCH_KEY);
  }

  /** The job file in {@code dir}, checked; the IOException says what is wrong with it. */
  static JobFile read(Path dir) throws IOException {
    Path file = dir.resolve(Journal.JOB_FILE);
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length == 0) {
      throw new IOException(file + " is empty");
    }
    Map<String, Object> job;
    try {
      job = JSON.std.mapFrom(bytes);
    } catch (IOException | RuntimeException e) {
      String why = String.valueOf(e.getMessage());
      int line = why.indexOf('\n');
      throw new IOException(file + " is not a JSON object: " + (line < 0 ? why : why.substring(0, line)));
    }
    if (job == null) {
      throw new IOException(file + " is not a JSON object");
    }
    return new JobFile(file, job);
  }

  private static int atLeast(int least, String value) {
    int n = Integer.parseInt(value);
    if (n < least) {
      throw new IllegalArgumentException(value);
    }
    return n;
  }

  /** The fields of one file, each parsed or refused with its name and value. */
  private static final class Fields {
    private final Path file;
    private final Map<String, Object> job;

    Fields(Path file, Map<String, Object> job) {
      this.file = file;
      this.job = job;
    }

    <T> T get(String name, boolean required, Function<String, T> parse) throws IOException {
      Object value = job.get(name);
      if (value == null) {
        if (required) {
          throw new IOException(file + " has no " + Texts.quote(name));
        }
        return null;
      }
      if (value instanceof Map || value instanceof java.util.List || value instanceof Boolean) {
        throw bad(name, value);
      }
      try {
        return parse.apply(value.toString());
      } catch (RuntimeException e) {
        throw bad(name, value);
      }
    }

    Prefetch prefetch(String name) throws IOException {
      Object value = job.get(name);
      if (value == null) {
        return null;
      }
      try {
        if (value instanceof Map) {
          return Prefetch.fromJournal((Map<?, ?>) value);
        }
      } catch (RuntimeException e) {
        // below
      }
      throw bad(name, value);
    }

    boolean flag(String name) throws IOException {
      Object value = job.get(name);
      if (value != null && !(value instanceof Boolean)) {
        throw bad(name, value);
      }
      return Boolean.TRUE.equals(value);
    }

    private IOException bad(String name, Object value) {
      return new IOException(file + " has an unusable " + Texts.quote(name) + ": " + Texts.excerpt(
          String.valueOf(value), 80));
    }
  }
}
