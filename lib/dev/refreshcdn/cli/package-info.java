/**
 * Support for the {@code refresh-cdn} command line ({@code RefreshCdn.java}), which only parses arguments and
 * prints: reading the entries with their line numbers, finding credentials the way tccli and the SDKs do, choosing
 * the HTTPS proxy, the progress line, the {@code -v} request log and the {@code --json} documents. It uses the
 * library's public API only, and never picocli, which stays in the script.
 */
package dev.refreshcdn.cli;
