/**
 * Not API: may change in any release. The single home of facts the library, the command line and the emulator
 * all use (masking, counting words, the service's Beijing time, the credential variables, the HTTP client's
 * shape). It depends on nothing else in the project.
 */
package dev.refreshcdn.internal;
