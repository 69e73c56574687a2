package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.refreshcdn.Api;
import dev.refreshcdn.Area;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** --api, REFRESH_CDN_API and --area as typed. */
class ChoicesTest {
  @Test
  void theOptionWinsThenTheVariableThenV3() {
    // then
    assertEquals(Api.V2, Choices.api(Api.V2, Map.of("REFRESH_CDN_API", "v3")));
    assertEquals(Api.V3, Choices.api(null, Map.of("REFRESH_CDN_API", " V3 ")));
    assertEquals(Api.V2, Choices.api(null, Map.of("REFRESH_CDN_API", "v2")));
    assertEquals(Api.V3, Choices.api(null, Map.of("REFRESH_CDN_API", "")));
    assertEquals(Api.V3, Choices.api(null, Map.of()));
  }

  @Test
  void theProfileSettingComesAfterTheVariableAndIsAskedOnlyThen() {
    // then
    assertEquals(Api.V3, Choices.api(null, Map.of(), () -> "v3"));
    assertEquals(Api.V2, Choices.api(null, Map.of("REFRESH_CDN_API", "v2"), () -> "v3"));
    assertEquals(Api.V2, Choices.api(Api.V2, Map.of(), () -> {
      throw new AssertionError("not asked when --api is given");
    }));
    assertEquals(Api.V2, Choices.api(null, Map.of(), () -> "v2"));
    assertEquals(Api.V3, Choices.api(null, Map.of(), () -> null));
    UsageException e = assertThrows(UsageException.class, () -> Choices.api(null, Map.of(), () -> "3"));
    assertEquals("the credentials profile's api setting must be v2 or v3: 3", e.getMessage());
  }

  @Test
  void aBadVariableIsAUsageErrorNamingIt() {
    // when
    UsageException e = assertThrows(UsageException.class, () -> Choices.api(null, Map.of("REFRESH_CDN_API", "3.0")));
    // then
    assertEquals("REFRESH_CDN_API must be v2 or v3: 3.0", e.getMessage());
  }

  @Test
  void valuesAreReadInAnyCaseAndOthersRefusedWithTheValue() {
    // then
    assertEquals(Api.V3, Choices.api("v3"));
    assertEquals(Area.MAINLAND, Choices.area("Mainland"));
    assertEquals(Area.OVERSEAS, Choices.area("OVERSEAS"));
    assertEquals("expected v2 or v3: v4", assertThrows(IllegalArgumentException.class, () -> Choices.api("v4"))
        .getMessage());
    assertEquals("expected mainland or overseas: global",
        assertThrows(IllegalArgumentException.class, () -> Choices.area("global")).getMessage());
  }
}
