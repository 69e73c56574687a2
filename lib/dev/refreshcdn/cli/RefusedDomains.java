package dev.refreshcdn.cli;

import dev.refreshcdn.RefreshException;
import dev.refreshcdn.RefreshException.RefusedDomain;
import dev.refreshcdn.RefusedException;
import dev.refreshcdn.internal.Texts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a job that went on past refused domains says them: each domain with its URL count and the service's code, in
 * the summary, in the JSON outcome ({@code refused_domains}) and in the hint under the error.
 */
final class RefusedDomains {
  private RefusedDomains() {}

  /** The summary's lines: none when no domain was refused. */
  static List<String> lines(RefreshException e, boolean directories) {
    List<String> lines = new ArrayList<>();
    if (e.refusedDomains().isEmpty()) {
      return lines;
    }
    lines.add("Refused " + (e.refusedDomains().size() == 1 ? "domain" : "domains") + " (pending in the job):");
    for (RefusedDomain domain : e.refusedDomains()) {
      lines.add("  " + domain.name() + ": " + Texts.count(domain.urlCount(), directories) + ", " + code(domain));
    }
    return lines;
  }

  /** {@code refused_domains}: one object per domain, in plan order; empty when none was refused. */
  static List<Object> json(RefreshException e) {
    List<Object> list = new ArrayList<>();
    for (RefusedDomain domain : e == null ? List.<RefusedDomain>of() : e.refusedDomains()) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("domain", domain.name());
      d.put("urls", domain.urlCount());
      d.put("code", JsonReport.asWritten(domain.code()));
      d.put("codeDesc", domain.codeDesc());
      d.put("message", domain.message());
      list.add(d);
    }
    return list;
  }

  /** What a refusal most likely means, for the codes users meet most (domains, signatures); else empty. */
  static String hint(RefusedException e) {
    if (!e.refusedDomains().isEmpty()) {
      return "\n  (" + (e.refusedDomains().size() == 1 ? "this domain is" : "these domains are") + " not a CDN"
          + " domain of this account, or not online; the other domains' URLs were sent)";
    }
    if ("9110".equals(e.codeDesc()) || String.valueOf(e.message()).contains("(9110)")) {
      return "\n  (9110: a domain in this request is not a CDN domain of this account)";
    }
    if ("ResourceNotFound.CdnHostNotExists".equals(e.code())) {
      return "\n  (a domain in this request is not a CDN domain of this account)";
    }
    if ("4100".equals(e.code()) || "AuthFailure.SignatureFailure".equals(e.code())) {
      return "\n  (" + e.code() + ": the signature check failed: is the SecretKey right for this SecretId?)";
    }
    return "";
  }

  /** {@code ResourceNotFound.CdnHostNotExists}, or the legacy {@code code 4000 (9110)}. */
  private static String code(RefusedDomain domain) {
    return domain.codeDesc().isEmpty() || domain.codeDesc().equals(domain.code()) ? domain.code()
        : "code " + domain.code() + " (" + domain.codeDesc() + ")";
  }
}
