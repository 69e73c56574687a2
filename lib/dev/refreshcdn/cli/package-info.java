/**
 * The {@code refresh-cdn} command line: {@link dev.refreshcdn.cli.RefreshCdnCli} (its only public type) builds the
 * picocli commands, one class per subcommand, with the option mixins they share; the rest reads the entries with
 * their line numbers, finds credentials the way tccli and the SDKs do, chooses the HTTPS proxy, and prints (the
 * progress line, the {@code -v} request log, tables and the {@code --json} documents). It uses the library's public
 * API only. {@code RefreshCdn.java} is the JBang header and a call to {@code RefreshCdnCli.run}.
 */
package dev.refreshcdn.cli;
