package dev.refreshcdn.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --state-dir of the commands that read jobs (resume, jobs): the directory must exist when given. */
final class JobsDirOption {
  @Option(names = "--state-dir", paramLabel = "DIR",
      description = {"The state directory of the jobs; when given, it must exist. Default:", "$HOME/.refresh-cdn"})
  Path dir;
}
