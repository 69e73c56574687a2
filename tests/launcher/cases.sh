#!/usr/bin/env bash
#
# tests/launcher/cases.sh - cases of the ./jbang launcher, each through real processes in a directory and a
# launcher cache of its own (JBang's jars copied from a template cache, so that no case downloads).
#
# Usage: cases.sh --list        the case names
#        cases.sh --template    makes the template cache (once) and prints its path
#        cases.sh CASE          runs one case: exit 0 when it passes, else a message on stderr
# Run by tests/dev/refreshcdn/launcher/LauncherCasesIT.java (`mvn verify`). Running as root, another user's
# attack is emulated: files made group/world-writable, owned by `nobody`, symlinks, planted entries.

set -euo pipefail
repo=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)
launcher=$repo/jbang
template=${LAUNCHER_TEMPLATE:-$repo/target/launcher-template}

fail() {
  printf 'FAIL: %s\n' "$*" >&2
  for f in out err; do [[ ! -s ${work:-/nonexistent}/$f ]] || { printf -- '--- %s:\n' "$f" && cat -- "$work/$f"; } >&2; done
  exit 1
}

# A launcher cache holding JBang's jars, made once by the launcher itself.
make_template() {
  [[ ! -f $template/lib/classpath ]] || return 0
  mkdir -p -- "${template%/*}"
  JBANG_LAUNCHER_CACHE=$template REFRESH_CDN_LAUNCHER_IGNORE_PATH=1 "$launcher" version </dev/null >/dev/null ||
    fail "could not make the template cache $template"
}

# The case's own directory, cache and environment; a script printing its arguments, my.prop and whether the
# class Extra (from lib/**, see hidden_directory_file_is_a_source) is there.
setup() {
  work=$(mktemp -d "${TMPDIR:-/tmp}/launcher-case.XXXXXX")
  trap 'chmod -R u+rwX "$work" 2>/dev/null; rm -rf -- "$work" ${planted_tmp:+/tmp/.cache/refresh-cdn}' EXIT
  cache=$work/cache
  mkdir -m 700 -- "$cache"
  cp -R -- "$template/lib" "$cache/lib"
  while IFS= read -r v; do unset "$v"; done < <(compgen -e | grep -E '^(JBANG_|REFRESH_CDN_|JAVA_TOOL_OPTIONS$|JDK_JAVA_OPTIONS$)')
  export JBANG_LAUNCHER_CACHE=$cache REFRESH_CDN_LAUNCHER_IGNORE_PATH=1 REFRESH_CDN_LAUNCHER_DEBUG=1
  script_dir=$work/app
  write_script "$script_dir"
  cd -- "$script_dir"
}

write_script() {
  mkdir -p -- "$1/lib/a"
  cat >"$1/Args.java" <<'EOF'
//SOURCES lib/**/*.java
public class Args {
  public static void main(String... args) {
    for (String arg : args) System.out.println("[" + arg + "]");
    System.out.println("my.prop=" + System.getProperty("my.prop"));
    System.out.println("again=" + System.getenv("REFRESH_CDN_COMMAND"));
    try {
      Class.forName("Extra");
      System.out.println("Extra found");
    } catch (ClassNotFoundException e) {
      System.out.println("no Extra");
    }
  }
}
EOF
  printf 'class Helper {}\n' >"$1/lib/a/Helper.java"
}

# launch ARGS...: runs the launcher; rc, $work/out and $work/err hold what it did.
launch() {
  rc=0
  "$launcher" "$@" </dev/null >"$work/out" 2>"$work/err" || rc=$?
}

expect_rc() { [[ $rc == "$1" ]] || fail "exit code $rc, expected $1"; }
out_has() { grep -qF -- "$1" "$work/out" || fail "stdout lacks '$1'"; }
err_has() { grep -qF -- "$1" "$work/err" || fail "stderr lacks '$1'"; }
err_lacks() { ! grep -qF -- "$1" "$work/err" || fail "stderr has '$1'"; }
hit() { err_has 'fast path: Args.java'; }
mode_of() { stat -c %a -- "$1"; }
only_entry() {
  local -a entries=("$cache"/commands/*)
  ((${#entries[@]} == 1)) && [[ -f ${entries[0]} ]] || fail "expected one cached command, found: ${entries[*]}"
  printf '%s' "${entries[0]}"
}

# A jar with a dev.jbang.Main that touches $work/marker: what an attacker would plant as JBang, in the cache
# DIR (default: the case's), both as lib/classpath and as the former launcher's classpath file.
plant_evil_jbang() {
  local dir=${1:-$cache}
  mkdir -p -- "$work/evil/dev/jbang" "$dir/lib"
  printf 'package dev.jbang; public class Main { public static void main(String[] a) throws Exception {
    java.nio.file.Files.createFile(java.nio.file.Path.of("%s")); } }\n' "$work/marker" >"$work/evil/dev/jbang/Main.java"
  javac -d "$work/evil" "$work/evil/dev/jbang/Main.java"
  (cd -- "$work/evil" && jar cf "$dir/lib/evil.jar" dev/jbang/Main.class)
  printf 'evil.jar\n' >"$dir/lib/classpath"
  printf '%s\n' "$dir/lib/evil.jar" >"$dir/classpath"
}

no_marker() { [[ ! -e $work/marker ]] || fail "a planted command ran"; }

# --- cases ------------------------------------------------------------------------------------------

case_cache_is_private_and_fast_path_works_under_umask_000() {
  rm -rf -- "$cache"
  umask 000
  launch Args.java one
  expect_rc 0 && out_has '[one]'
  launch Args.java two
  expect_rc 0 && out_has '[two]' && hit
  local entry
  entry=$(only_entry)
  [[ $(mode_of "$cache") == 700 && $(mode_of "$cache/commands") == 700 && $(mode_of "$cache/lib") == 700 ]] ||
    fail "cache directories not 0700: $(stat -c '%a %n' "$cache" "$cache"/*)"
  [[ $(mode_of "$entry") == 600 && $(mode_of "$cache/lock") == 600 ]] || fail "entry or lock not 0600"
  [[ -z $(find "$cache" -perm /022) ]] || fail "writable by others: $(find "$cache" -perm /022)"
}

case_fast_path_works_under_umask_002() {
  umask 002
  launch Args.java && expect_rc 0
  launch Args.java && expect_rc 0 && hit
  launch Args.java && expect_rc 0 && hit
}

case_cache_writable_by_others_is_refused_and_nothing_planted_runs() {
  plant_evil_jbang
  chmod 777 -- "$cache"
  launch version
  expect_rc 1 && err_has "refusing the launcher cache $cache: drwxrwxrwx" && no_marker
  chmod 700 -- "$cache" && chmod 775 -- "$cache/lib"
  launch version
  expect_rc 1 && err_has "drwxrwxr-x" && err_has "$cache/lib is not" && no_marker
  chmod 700 -- "$cache/lib"
  if ((EUID == 0)); then # another user's file, as only root can make one
    chown nobody -- "$cache/lib/classpath"
    launch Args.java
    expect_rc 1 && err_has " nobody " && err_has "$cache/lib/classpath is not" && no_marker
    chown "$EUID" -- "$cache/lib/classpath"
  fi
  mv -- "$cache/lib" "$work/lib" && ln -s -- "$work/lib" "$cache/lib"
  launch version
  expect_rc 1 && err_has "lrwxrwxrwx" && err_has "$cache/lib -> $work/lib is not" && no_marker
}

case_cache_under_a_directory_others_can_write_is_refused() {
  mkdir -m 777 -- "$work/open" && mkdir -m 700 -- "$work/open/cache" && cp -R -- "$template/lib" "$work/open/cache/lib"
  JBANG_LAUNCHER_CACHE=$work/open/cache launch version
  expect_rc 1 && err_has "drwxrwxrwx" && err_has "$work/open is not"
  chmod 1777 -- "$work/open" # sticky, as /tmp: others cannot rename what is not theirs
  JBANG_LAUNCHER_CACHE=$work/open/cache launch version
  expect_rc 0 && out_has 0.127.18
}

case_without_home_the_cache_is_in_the_passwd_home_not_tmp() {
  local shared=/tmp/.cache/refresh-cdn/jbang-0.127.18 passwd_home
  passwd_home=$(getent passwd "$EUID" | cut -d: -f6)
  exec 6>>/tmp/refresh-cdn-launcher-case.lock
  flock 6 # /tmp is shared: concurrent builds take turns, and what is there now was left by a killed one
  if [[ -e /tmp/.cache/refresh-cdn ]]; then
    [[ -O /tmp/.cache/refresh-cdn ]] || fail "/tmp/.cache/refresh-cdn is another user's: cannot plant there"
    rm -rf -- /tmp/.cache/refresh-cdn
  fi
  planted_tmp=1 # where the former launcher looked without HOME: anyone can create it first
  plant_evil_jbang "$shared"
  chmod -R a+rwX /tmp/.cache/refresh-cdn
  rc=0
  env -u HOME -u XDG_CACHE_HOME -u JBANG_LAUNCHER_CACHE "$launcher" version </dev/null >"$work/out" 2>"$work/err" || rc=$?
  expect_rc 0 && out_has 0.127.18
  no_marker
  [[ -d $passwd_home/.cache/refresh-cdn/jbang-0.127.18/lib ]] || fail "the cache is not under $passwd_home"
}

case_planted_entries_are_refused_or_rebuilt_and_never_run() {
  launch Args.java && expect_rc 0
  local entry
  entry=$(only_entry)
  # an entry others may write is refused
  chmod 666 -- "$entry"
  launch Args.java
  expect_rc 1 && err_has "-rw-rw-rw-" && err_has "$entry is not" && no_marker
  chmod 600 -- "$entry"
  if ((EUID == 0)); then # another user's file, as only root can make one
    chown nobody -- "$entry"
    launch Args.java
    expect_rc 1 && err_has " nobody " && err_has "$entry is not" && no_marker
    chown "$EUID" -- "$entry"
  fi
  # an entry holding shell code (the old format was sourced) is data that does not parse: rebuilt
  printf 'touch %s\nfp_argv=(touch %s)\n' "$work/marker" "$work/marker" >"$entry"
  launch Args.java x
  expect_rc 0 && out_has '[x]' && no_marker && err_has 'cached the command'
  # an old-format entry next to it (another launcher version) is never read
  printf 'touch %s\n' "$work/marker" >"$entry.entry"
  launch Args.java y
  expect_rc 0 && out_has '[y]' && hit && no_marker
}

case_quoted_java_tool_options_pass_through_on_both_routes() {
  export JAVA_TOOL_OPTIONS='-Dhttps.proxyHost=proxy -Dmy.prop="a b" -Xss2m'
  launch Args.java
  expect_rc 0 && out_has 'my.prop=a b' && err_has 'cached the command'
  launch Args.java
  expect_rc 0 && out_has 'my.prop=a b' && hit
  REFRESH_CDN_LAUNCHER_NO_FASTPATH=1 launch Args.java
  expect_rc 0 && out_has 'my.prop=a b'
  # options that print to stdout reach the program only, not JBang (whose stdout is the command)
  export JAVA_TOOL_OPTIONS="-XX:StartFlightRecording=filename=$work/flight.jfr"
  launch Args.java
  expect_rc 0 && out_has 'no Extra'
  [[ -s $work/flight.jfr ]] || fail "the program's JVM did not record"
}

case_two_launcher_copies_on_the_path_do_not_loop() {
  mkdir -- "$work/p1" "$work/p2"
  cp -- "$launcher" "$work/p1/jbang" && cp -- "$launcher" "$work/p2/jbang"
  unset REFRESH_CDN_LAUNCHER_IGNORE_PATH
  rc=0
  PATH=$work/p1:$work/p2:$PATH timeout 120 "$work/p1/jbang" version </dev/null >"$work/out" 2>"$work/err" || rc=$?
  expect_rc 0 && out_has 0.127.18 && err_has "using $work/p2/jbang from the PATH"
}

case_the_lock_is_held_only_while_the_cache_is_written() {
  launch Args.java && expect_rc 0
  exec 8>>"$cache/lock"
  flock 8 # this test holds the lock, as a slow launcher would
  # neither a fast-path hit nor a JBang command waits for it
  launch Args.java && expect_rc 0 && hit && err_lacks waiting
  launch version && expect_rc 0 && out_has 0.127.18
  # a miss waits, says so, and goes on once the lock is released
  printf 'class Helper { int edited; }\n' >lib/a/Helper.java
  : >"$work/err"
  mkfifo -- "$work/err.fifo"
  "$launcher" Args.java </dev/null >"$work/out" 2>"$work/err.fifo" 8>&- &
  local pid=$! line said=
  exec 7<"$work/err.fifo"
  while IFS= read -r line <&7; do
    printf '%s\n' "$line" >>"$work/err"
    if [[ $line == *'waiting for another launcher writing to'* ]]; then said=1 && break; fi
  done
  exec 8>&- # released
  cat <&7 >>"$work/err"
  rc=0 && wait "$pid" || rc=$?
  [[ -n $said ]] || fail "a miss did not say that it waits"
  expect_rc 0 && err_has 'cached the command'
}

case_hidden_directory_file_is_a_source() {
  launch Args.java && expect_rc 0 && out_has 'no Extra'
  launch Args.java && expect_rc 0 && hit
  mkdir -p lib/.hidden && printf 'class Extra {}\n' >lib/.hidden/Extra.java
  launch Args.java
  expect_rc 0 && out_has 'Extra found' && err_has 'asking JBang'
}

case_script_path_with_a_space_is_cached() {
  write_script "$work/with space"
  launch "$work/with space/Args.java" z
  expect_rc 0 && out_has '[z]'
  launch "$work/with space/Args.java" z
  expect_rc 0 && out_has '[z]' && err_has "fast path: $work/with space/Args.java"
  only_entry >/dev/null
}

case_the_same_arguments_reach_main_on_every_route() {
  printf 'expanded\n' >at-file
  local expected
  expected=$(printf '[]\n[@at-file]\n[a  b]\n[--verbose]\n[$HOME`x`"]\nmy.prop=null\nagain=%s Args.java\nno Extra' "$launcher")
  for route in miss hit NO_FASTPATH; do
    if [[ $route == NO_FASTPATH ]]; then export REFRESH_CDN_LAUNCHER_NO_FASTPATH=1; fi
    launch Args.java '' @at-file 'a  b' --verbose '$HOME`x`"'
    expect_rc 0
    [[ $(<"$work/out") == "$expected" ]] || fail "$route route: arguments changed"
  done
}

# The README's install step from an empty HOME: the app then runs from another directory with only /usr/bin:/bin on
# the PATH (no jbang there), with a relative -i, and from the fast path in any directory after its first run.
case_installed_app_runs_anywhere_without_jbang_on_the_path() {
  local home=$work/home elsewhere=$work/elsewhere m2
  m2=$(cd ~ && pwd)/.m2/repository # JBang's dependencies from the real ~/.m2, not downloaded again
  mkdir -- "$home" "$elsewhere" "$elsewhere/2"
  unset JBANG_LAUNCHER_CACHE
  export HOME=$home JBANG_REPO=$m2
  cd -- "$repo"
  launch app install --name refresh-cdn RefreshCdn.java
  expect_rc 0 && err_has "refresh-cdn runs $home/.jbang/bin/jbang"
  [[ -x $home/.jbang/bin/refresh-cdn && -x $home/.jbang/bin/jbang ]] || fail "not installed: $(ls -la "$home/.jbang/bin")"
  grep -qF "exec $home/.jbang/bin/jbang run $repo/RefreshCdn.java" "$home/.jbang/bin/refresh-cdn" ||
    fail "the app does not run the launcher's copy: $(cat "$home/.jbang/bin/refresh-cdn")"
  grep -qF '.jbang/bin' "$home/.bashrc" || fail "JBang's setup did not add ~/.jbang/bin to \$HOME/.bashrc"
  for dir in "$elsewhere" "$elsewhere/2"; do
    cd -- "$dir"
    printf 'https://www.test.com/a.jpg\nhttps://www.test.com/b.jpg\n' >urls.txt
    rc=0
    PATH=/usr/bin:/bin ~/.jbang/bin/refresh-cdn --emulator -i urls.txt </dev/null >"$work/out" 2>"$work/err" || rc=$?
    expect_rc 0 && out_has 'Submitted 2 URLs'
  done
  err_has "fast path: $repo/RefreshCdn.java" # the second directory: no JBang
}

# REFRESH_CDN_COMMAND, for the hints a program prints: how to run it again, as it was run.
case_the_program_is_told_the_command_that_runs_it_again() {
  launch Args.java && expect_rc 0 && out_has "again=$launcher Args.java"
  launch run Args.java && expect_rc 0 && out_has "again=$launcher Args.java" && hit
  export JBANG_REPO
  JBANG_REPO=$(cd ~ && pwd)/.m2/repository # JBang's dependencies from the real ~/.m2, not downloaded again
  export HOME=$work/home && mkdir -- "$HOME"
  launch app install --name args-app "$script_dir/Args.java"
  expect_rc 0
  rc=0 && PATH=/usr/bin:/bin "$HOME/.jbang/bin/args-app" </dev/null >"$work/out" 2>"$work/err" || rc=$?
  expect_rc 0 && out_has "again=$HOME/.jbang/bin/args-app"
  rc=0 && PATH=$HOME/.jbang/bin:/usr/bin:/bin args-app </dev/null >"$work/out" 2>"$work/err" || rc=$?
  expect_rc 0 && out_has "again=args-app"
}

# The catalog form (alias@/path/jbang-catalog.json) is served by the fast path from any directory, and the catalog
# is part of what the cached command depends on.
case_catalog_form_app_takes_the_fast_path_from_anywhere() {
  printf '{"aliases": {"args": {"script-ref": "Args.java"}}}\n' >"$script_dir/jbang-catalog.json"
  export JBANG_REPO
  JBANG_REPO=$(cd ~ && pwd)/.m2/repository # JBang's dependencies from the real ~/.m2, not downloaded again
  export HOME=$work/home && mkdir -- "$HOME" "$work/d1" "$work/d2"
  launch app install --name args-app "args@$script_dir/jbang-catalog.json"
  expect_rc 0
  for dir in d1 d2; do
    cd -- "$work/$dir"
    rc=0 && PATH=/usr/bin:/bin "$HOME/.jbang/bin/args-app" x </dev/null >"$work/out" 2>"$work/err" || rc=$?
    expect_rc 0 && out_has '[x]' && out_has "again=$HOME/.jbang/bin/args-app"
  done
  err_has "fast path: args@$script_dir/jbang-catalog.json" # d2: no JBang
  printf '{"aliases": {"args": {"script-ref": "Args.java", "description": "edited"}}}\n' >"$script_dir/jbang-catalog.json"
  rc=0 && PATH=/usr/bin:/bin "$HOME/.jbang/bin/args-app" y </dev/null >"$work/out" 2>"$work/err" || rc=$?
  expect_rc 0 && out_has '[y]' && err_has 'no valid cached command'
}

case_posix_locale_builds_and_runs_refresh_cdn() {
  cd -- "$repo"
  rc=0
  env -i PATH="$PATH" HOME="$HOME" LC_ALL=POSIX JBANG_LAUNCHER_CACHE="$cache" JBANG_CACHE_DIR="$work/jbang-cache" \
    "$launcher" refresh-cdn --version </dev/null >"$work/out" 2>"$work/err" || rc=$?
  expect_rc 0 && out_has 'refresh-cdn '
}

# refresh-cdn's classes are archived once per cached command (a run on the embedded emulator) and mapped by the
# runs after it; an archive the JVM cannot use changes nothing the program prints.
case_refresh_cdn_maps_its_class_data_archive_and_survives_a_broken_one() {
  local archives
  cd -- "$repo"
  launch refresh-cdn --version
  expect_rc 0 && out_has 'refresh-cdn ' && err_has 'archived the classes of refresh-cdn'
  archives=("$cache"/cds/*)
  ((${#archives[@]} == 1)) && [[ -s ${archives[0]} ]] || fail "expected one archive: $(ls -la "$cache/cds")"
  launch refresh-cdn --dry-run --json https://www.test.com/a.jpg
  expect_rc 0 && err_has 'fast path: refresh-cdn' && err_has "-XX:SharedArchiveFile=${archives[0]}"
  chmod u+w -- "${archives[0]}" && printf 'not an archive' >"${archives[0]}"
  launch refresh-cdn --dry-run --json https://www.test.com/a.jpg
  expect_rc 0 && err_has "-XX:SharedArchiveFile=${archives[0]}"
  [[ $(head -c 1 -- "$work/out") == '{' ]] || fail "stdout does not start with the JSON document"
  err_lacks '[warning]'
}

case_parallel_cold_starts_fetch_jbang_once() {
  rm -rf -- "$cache/lib"
  mkdir -- "$cache/lib.tmp.999999" # left by a killed fetch
  local i pids=()
  for i in 1 2 3 4; do
    "$launcher" version </dev/null >"$work/out.$i" 2>"$work/err.$i" &
    pids+=($!)
  done
  for i in 1 2 3 4; do
    wait "${pids[i - 1]}" || fail "launcher $i failed: $(cat -- "$work/err.$i")"
    grep -qF 0.127.18 -- "$work/out.$i" || fail "launcher $i printed no version"
  done
  [[ $(cat -- "$work"/err.* | grep -c 'fetching dev.jbang') == 1 ]] || fail "not one fetch: $(cat -- "$work"/err.*)"
  [[ ! -e $cache/lib.tmp.999999 && -z $(compgen -G "$cache/lib.tmp.*") ]] || fail "a fetch directory was left"
}

case_parallel_misses_ask_jbang_once() {
  local i pids=()
  for i in 1 2 3 4; do
    "$launcher" Args.java "$i" </dev/null >"$work/out.$i" 2>"$work/err.$i" &
    pids+=($!)
  done
  for i in 1 2 3 4; do
    wait "${pids[i - 1]}" || fail "launcher $i failed: $(cat -- "$work/err.$i")"
    grep -qF "[$i]" -- "$work/out.$i" || fail "launcher $i: wrong output"
  done
  [[ $(cat -- "$work"/err.* | grep -c 'cached the command') == 1 ]] || fail "JBang resolved more than once: $(cat -- "$work"/err.*)"
}

case ${1:-} in
--list) compgen -A function case_ | sed 's/^case_//' ;;
--template) make_template && printf '%s\n' "$template" ;; # for LauncherIT
'' | -*) fail "usage: $0 --list | CASE" ;;
*)
  declare -F "case_$1" >/dev/null || fail "no case $1"
  make_template
  setup
  "case_$1"
  printf 'PASS: %s\n' "$1"
  ;;
esac
