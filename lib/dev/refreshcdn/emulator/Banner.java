package dev.refreshcdn.emulator;

import java.util.List;


/** The text printed when the emulator runs from the command line. */
final class Banner {
  private Banner() {
  }

  static String of(Emulator emu, List<Tenant> accounts) {
    StringBuilder sb = new StringBuilder();
    sb.append("refresh-cdn emulator listening\n");
    sb.append("  API 3.0: ").append(emu.endpointV3()).append('\n');
    sb.append("  API 2.0: ").append(emu.endpoint()).append('\n');
    for (Tenant a : accounts) {
      sb.append("  account ").append(a.secretId()).append(" domains ").append(a.hosts()).append('\n');
    }
    Tenant first = accounts.get(0);
    // A key the user passed in is not echoed; a generated one must be shown or nobody could use it.
    if (first.generated()) {
      sb.append("Generated credentials; paste this into your shell:\n");
      sb.append("export TENCENTCLOUD_SECRET_ID=").append(first.secretId())
          .append(" TENCENTCLOUD_SECRET_KEY=").append(first.secretKey()).append('\n');
    } else {
      sb.append("export TENCENTCLOUD_SECRET_ID=").append(first.secretId())
          .append(" TENCENTCLOUD_SECRET_KEY=<the key you passed>\n");
    }
    sb.append("Press Ctrl-C to stop. One line per request follows.\n");
    return sb.toString();
  }
}
