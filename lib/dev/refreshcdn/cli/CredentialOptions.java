package dev.refreshcdn.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the key pair comes from: a mixin of every command that signs. */
final class CredentialOptions {
  @Option(names = "--profile", paramLabel = "NAME",
      description = {"Read credentials from tccli's profile NAME (default: $TCCLI_PROFILE, else default), that is:",
          "~/.tccli/NAME.credential"})
  String profile;

  @Option(names = "--credentials", paramLabel = "FILE",
      description = "Read credentials from FILE: tccli JSON (secretId, secretKey) or INI ([default] secret_id, "
          + "secret_key).")
  Path file;

  Creds resolve(Context context, boolean dryRun) {
    return context.credentialChain().resolve(profile, file, dryRun);
  }

  /** The api setting of the profile the credentials come from, or null. */
  String apiSetting(Context context) {
    return context.credentialChain().apiSetting(profile, file);
  }
}
