package dev.refreshcdn.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.refreshcdn.emulator.Emulator.DomainStatus;
import dev.refreshcdn.emulator.Emulator.Region;

/**
 * An account of the emulated service: SecretId, SecretKey and its accelerated domains; immutable, {@code
 * domain(...)} returns a copy. Named apart from the library's own account client, which is what a user signs with.
 */
public final class Tenant {
  private final String secretId;
  private final String secretKey;
  private final List<Domain> domains;
  private final boolean generated;

  private Tenant(String secretId, String secretKey, List<Domain> domains, boolean generated) {
    this.secretId = secretId;
    this.secretKey = secretKey;
    this.domains = List.copyOf(domains);
    this.generated = generated;
  }

  /** Returns an account with no domains yet. */
  public static Tenant of(String secretId, String secretKey) {
    return new Tenant(nonBlank("SecretId", secretId), nonBlank("SecretKey", secretKey), List.of(), false);
  }

  /** Returns an account with a random SecretId and SecretKey owning the given online domains. */
  public static Tenant generate(String... onlineDomains) {
    String[] pair = KeyPairs.generate();
    Tenant a = new Tenant(pair[0], pair[1], List.of(), true);
    for (String d : onlineDomains) {
      a = a.domain(d);
    }
    return a;
  }

  /** Returns a copy that also owns {@code host}: online, query string kept in the cache key, mainland. */
  public Tenant domain(String host) {
    return domain(host, DomainStatus.ONLINE, false, Region.MAINLAND);
  }

  /** Returns a copy that also owns {@code host} with that status and query-string filter flag, mainland. */
  public Tenant domain(String host, DomainStatus status, boolean filterQuery) {
    return domain(host, status, filterQuery, Region.MAINLAND);
  }

  /** Returns a copy that also owns {@code host} with that status, query-string filter flag and area. */
  public Tenant domain(String host, DomainStatus status, boolean filterQuery, Region area) {
    Domain d = new Domain(host, status, filterQuery, area);
    if (find(d.host).isPresent()) {
      throw new IllegalArgumentException("duplicate domain: " + host);
    }
    List<Domain> more = new ArrayList<>(domains);
    more.add(d);
    return new Tenant(secretId, secretKey, more, generated);
  }

  /** Returns the SecretId. */
  public String secretId() {
    return secretId;
  }

  /** Returns the SecretKey; never printed by {@link #toString()}. */
  public String secretKey() {
    return secretKey;
  }

  /** Returns the domain names this account owns, in the order added. */
  public List<String> hosts() {
    List<String> hosts = new ArrayList<>();
    for (Domain d : domains) {
      hosts.add(d.host);
    }
    return List.copyOf(hosts);
  }

  /** A generated key must be printed for anyone to use it; a key the user passed in must not be echoed. */
  boolean generated() {
    return generated;
  }

  Optional<Domain> find(String host) {
    for (Domain d : domains) {
      if (d.host.equalsIgnoreCase(host)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  List<Domain> domains() {
    return domains;
  }

  /** Returns the masked SecretId and the domains; never the key. */
  @Override
  public String toString() {
    return "Tenant[" + KeyPairs.mask(secretId) + ", domains=" + domains + "]";
  }

  private static String nonBlank(String what, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return value;
  }
}
