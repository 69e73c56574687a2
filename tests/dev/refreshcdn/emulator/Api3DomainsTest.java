package dev.refreshcdn.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DescribeDomains: the account's own domains with their areas and statuses, filtered and paged within the
 * documented limits, by TC3 POST (JSON), TC3 GET and signature v1 (form-encoded {@code Filters.0.Value.0}).
 */
class Api3DomainsTest extends EmulatorFixture {
  private static final String ID = "AKIDdomains";
  private static final String KEY = "domainsKey";
  private static final String OTHER_ID = "AKIDother";
  private static final String OTHER_KEY = "otherKey";

  @Override
  Emulator.Builder configure(Emulator.Builder builder) {
    return builder
        .account(Tenant.of(ID, KEY)
            .domain("www.test.com")
            .domain("o.test.com", Emulator.DomainStatus.ONLINE, true, Emulator.Region.OVERSEAS)
            .domain("g.test.com", Emulator.DomainStatus.DEPLOYING, false, Emulator.Region.GLOBAL)
            .domain("off.example.org", Emulator.DomainStatus.OFFLINE, false))
        .account(OTHER_ID, OTHER_KEY, "other.test.com");
  }

  private Wire.Reply describe(Object... fields) {
    Map<String, Object> json = new LinkedHashMap<>();
    for (int i = 0; i < fields.length; i += 2) {
      json.put((String) fields[i], fields[i + 1]);
    }
    return wire.v3("DescribeDomains", Wire.jsonOf(json), ID, KEY);
  }

  private static Map<String, Object> filter(String name, Object... values) {
    return Map.of("Name", name, "Value", List.of(values));
  }

  private static List<String> hosts(Wire.Reply r) {
    List<String> hosts = new ArrayList<>();
    for (Object row : (List<?>) r.at("Response.Domains")) {
      hosts.add((String) ((Map<?, ?>) row).get("Domain"));
    }
    return hosts;
  }

  @Test
  void listsTheAccountsOwnDomainsWithTheirAreaAndStatusAndNoOtherAccounts() {
    // when
    Wire.Reply r = describe();
    // then
    assertEquals(List.of("www.test.com", "o.test.com", "g.test.com", "off.example.org"), hosts(r), r.body());
    assertEquals(4, r.at("Response.TotalNumber"));
    assertEquals(List.of("mainland", "overseas", "global", "mainland"), column(r, "Area"));
    assertEquals(List.of("online", "online", "processing", "offline"), column(r, "Status"));
    assertEquals("2026-11-27 12:00:00", r.at("Response.Domains.0.CreateTime"));
    assertEquals("www.test.com.cdn.dnsv1.com", r.at("Response.Domains.0.Cname"));
    assertEquals("web", r.at("Response.Domains.0.ServiceType"));
    assertTrue(((String) r.at("Response.Domains.0.ResourceId")).matches("cdn-[0-9a-z]{8}"), r.body());
    assertEquals(List.of("origin.www.test.com"), r.at("Response.Domains.0.Origin.Origins"));
    assertTrue(((Map<?, ?>) r.at("Response.Domains.0.Origin")).containsKey("Sni"), "sent as null: " + r.body());
  }

  @Test
  void anotherAccountSeesOnlyItsOwnDomainEvenWhenItFiltersForMine() {
    // when
    Wire.Reply mine = wire.v3("DescribeDomains", Wire.jsonOf(Map.of("Filters", List.of(filter("domain", "www.test.com")))),
        OTHER_ID, OTHER_KEY);
    Wire.Reply all = wire.v3("DescribeDomains", "{}", OTHER_ID, OTHER_KEY);
    // then
    assertEquals(List.of(), hosts(mine));
    assertEquals(0, mine.at("Response.TotalNumber"));
    assertEquals(List.of("other.test.com"), hosts(all));
  }

  @Test
  void theDomainFilterTakesUpToFiveExactHostsAndReportsTheirAreas() {
    // when
    Wire.Reply r = describe("Filters", List.of(filter("domain", "g.test.com", "www.test.com", "missing.test.com",
        "o.test", "OFF.EXAMPLE.ORG")));
    // then: exact matches only, case aside, in the account's order; a host not there is simply absent
    assertEquals(List.of("www.test.com", "g.test.com", "off.example.org"), hosts(r), r.body());
    assertEquals(List.of("mainland", "global", "mainland"), column(r, "Area"));
    assertEquals(3, r.at("Response.TotalNumber"));
  }

  @Test
  void aFuzzyDomainFilterMatchesAPartOfTheName() {
    // when
    Wire.Reply r = describe("Filters", List.of(Map.of("Name", "domain", "Value", List.of("test.com"), "Fuzzy", true)));
    // then
    assertEquals(List.of("www.test.com", "o.test.com", "g.test.com"), hosts(r), r.body());
  }

  @Test
  void filtersAllApplyAndEachMatchesAnyOfItsValues() {
    // when
    Wire.Reply r = describe("Filters", List.of(filter("serviceType", "web", "download"), filter("domainType", "cname"),
        filter("status", "online", "processing"), filter("fullUrlCache", "on")));
    Wire.Reply none = describe("Filters", List.of(filter("serviceType", "media")));
    Wire.Reply tagged = describe("Filters", List.of(filter("tagKey", "team")));
    // then
    assertEquals(List.of("www.test.com", "g.test.com"), hosts(r), r.body());
    assertEquals(List.of(), hosts(none));
    assertEquals(List.of(), hosts(tagged));
  }

  @Test
  void offsetAndLimitPageTheListAndTotalNumberCountsEveryMatch() {
    // when
    Wire.Reply page = describe("Offset", 1, "Limit", 2);
    Wire.Reply past = describe("Offset", 10, "Limit", 1000);
    // then
    assertEquals(List.of("o.test.com", "g.test.com"), hosts(page));
    assertEquals(4, page.at("Response.TotalNumber"));
    assertEquals(List.of(), hosts(past));
    assertEquals(4, past.at("Response.TotalNumber"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1001", "-1", "99999999999999999999"})
  void aLimitOutsideOneToAThousandIsRefused(String limit) {
    // when
    Wire.Reply r = wire.v3("DescribeDomains", "{\"Limit\":" + limit + "}", ID, KEY);
    // then
    assertEquals("InvalidParameter.CdnParamError", r.at("Response.Error.Code"), r.body());
  }

  @Test
  void aFilterNameTheServiceDoesNotListIsRefused() {
    // when
    Wire.Reply r = describe("Filters", List.of(filter("area", "mainland")));
    // then
    assertEquals("InvalidParameter.CdnParamError", r.at("Response.Error.Code"), r.body());
    assertTrue(((String) r.at("Response.Error.Message")).startsWith("Filters.0.Name must be one of"), r.body());
  }

  @Test
  void valuesBeyondTheDocumentedLimitsAreRefused() {
    // when
    Wire.Reply six = describe("Filters", List.of(filter("domain", "a.com", "b.com", "c.com", "d.com", "e.com", "f.com")));
    Wire.Reply twoFuzzy = describe("Filters", List.of(Map.of("Name", "domain", "Value", List.of("a", "b"), "Fuzzy", true)));
    Wire.Reply fuzzyType = describe("Filters", List.of(Map.of("Name", "serviceType", "Value", List.of("w"), "Fuzzy", true)));
    Wire.Reply empty = describe("Filters", List.of(filter("domain")));
    Wire.Reply noValue = describe("Filters", List.of(Map.of("Name", "domain")));
    // then
    assertEquals("InvalidParameter.CdnParamError", six.at("Response.Error.Code"), six.body());
    assertEquals("InvalidParameter.CdnParamError", twoFuzzy.at("Response.Error.Code"), twoFuzzy.body());
    assertEquals("InvalidParameter.CdnParamError", fuzzyType.at("Response.Error.Code"), fuzzyType.body());
    assertEquals("InvalidParameter.CdnParamError", empty.at("Response.Error.Code"), empty.body());
    assertEquals("MissingParameter", noValue.at("Response.Error.Code"), noValue.body());
    assertEquals("The request is missing a required parameter `Filters.0.Value`.", noValue.at("Response.Error.Message"));
  }

  @Test
  void aFieldAFilterDoesNotDefineIsAnUnknownParameterNamedByItsPlace() {
    // when
    Wire.Reply json = describe("Filters", List.of(filter("domain", "www.test.com"), Map.of("Nmae", "domain")));
    Wire.Reply get = wire.v3Get("DescribeDomains", "Filters.0.Name=domain&Filters.0.Values.0=www.test.com", ID, KEY);
    Wire.Reply typo = describe("Filter", List.of(filter("domain", "www.test.com")));
    // then
    assertEquals("UnknownParameter", json.at("Response.Error.Code"), json.body());
    assertEquals("The parameter `Filters.1.Nmae` is not recognized.", json.at("Response.Error.Message"));
    assertEquals("The parameter `Filters.0.Values.0` is not recognized.", get.at("Response.Error.Message"), get.body());
    assertEquals("The parameter `Filter` is not recognized.", typo.at("Response.Error.Message"));
  }

  @Test
  void tc3ByGetTakesFiltersFormEncodedAndTheRequestLogShowsThemSo() {
    // when
    Wire.Reply r = wire.v3Get("DescribeDomains",
        "Limit=10&Filters.0.Name=domain&Filters.0.Value.0=o.test.com&Filters.0.Value.1=www.test.com", ID, KEY);
    // then
    assertEquals(List.of("www.test.com", "o.test.com"), hosts(r), r.body());
    assertEquals(Map.of("Limit", "10", "Filters.0.Name", "domain", "Filters.0.Value.0", "o.test.com",
        "Filters.0.Value.1", "www.test.com"), emu.requests().get(0).params());
  }

  @Test
  void tc3ByPostRecordsFiltersFlattenedAsTheFormEncodingWould() {
    // when
    describe("Filters", List.of(Map.of("Name", "domain", "Value", List.of("www.test.com"), "Fuzzy", false)));
    // then
    assertEquals(Map.of("Filters.0.Name", "domain", "Filters.0.Value.0", "www.test.com", "Filters.0.Fuzzy", "false"),
        emu.requests().get(0).params());
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "POST"})
  void signatureV1TakesFiltersFormEncoded(String method) {
    // given
    Map<String, String> p = wire.commonV3("DescribeDomains", ID);
    p.put("Filters.0.Name", "domain");
    p.put("Filters.0.Value.0", "g.test.com");
    p.put("Filters.0.Fuzzy", "false");
    // when
    Wire.Reply r = wire.v3SignatureV1(method, p, KEY);
    // then
    assertEquals(List.of("g.test.com"), hosts(r), r.body());
    assertEquals("global", r.at("Response.Domains.0.Area"));
    assertNull(r.at("Response.Error"));
  }

  @Test
  void aGapInTheFormEncodedFiltersIsAMissingParameter() {
    // when
    Wire.Reply r = wire.v3Get("DescribeDomains", "Filters.1.Name=domain&Filters.1.Value.0=www.test.com", ID, KEY);
    // then
    assertEquals("MissingParameter", r.at("Response.Error.Code"), r.body());
    assertEquals("The request is missing a required parameter `Filters.0`.", r.at("Response.Error.Message"));
  }

  private static List<Object> column(Wire.Reply r, String field) {
    List<Object> values = new ArrayList<>();
    for (Object row : (List<?>) r.at("Response.Domains")) {
      values.add(((Map<?, ?>) row).get(field));
    }
    return values;
  }
}
