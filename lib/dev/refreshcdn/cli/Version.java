package dev.refreshcdn.cli;

import dev.refreshcdn.Refresh;
import picocli.CommandLine.IVersionProvider;

/** What --version prints, for every command. */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"refresh-cdn " + Refresh.VERSION};
  }
}
