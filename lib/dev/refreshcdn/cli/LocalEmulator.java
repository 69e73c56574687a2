package dev.refreshcdn.cli;

import dev.refreshcdn.Api;
import dev.refreshcdn.emulator.Emulator;
import dev.refreshcdn.emulator.Tenant;

/** {@code --emulator}: an emulator on loopback for the run's hosts, with a generated key pair; it ends with the run. */
final class LocalEmulator implements AutoCloseable {
  private final Emulator emulator;
  /** The endpoint of the API the run speaks. */
  final String endpoint;

  private LocalEmulator(Emulator emulator, String endpoint) {
    this.emulator = emulator;
    this.endpoint = endpoint;
  }

  /** Starts one owning the hosts of {@code entries} and says where, unless the output is quiet or JSON. */
  static LocalEmulator start(Input entries, Api api, Context context, OutputOptions output) {
    Emulator emulator = Emulator.builder().account(Tenant.generate(entries.hosts().toArray(new String[0]))).start();
    String endpoint = (api == Api.V3 ? emulator.endpointV3() : emulator.endpoint()).toString();
    if (!output.quiet && !output.json) {
      context.out.println("[emulator] " + endpoint + " — nothing leaves this machine");
      context.out.flush();
    }
    return new LocalEmulator(emulator, endpoint);
  }

  /** The option's own endpoint is the only one: refused with {@code --endpoint}, before anything is read. */
  static void checkNoEndpoint(boolean emulator, ConnectionOptions connection) {
    if (emulator && connection.endpoint != null) {
      throw new UsageException("--emulator and --endpoint do not combine: --emulator starts its own endpoint");
    }
  }

  Creds creds() {
    return Creds.of(emulator.secretId(), emulator.secretKey(), "the emulator's generated key pair");
  }

  @Override
  public void close() {
    emulator.close();
  }
}
