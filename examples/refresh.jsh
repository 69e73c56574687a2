///usr/bin/env jbang "$0" "$@" ; exit $?
//DEPS ../RefreshCdn.java
// The fluent API from JShell, against an emulator on loopback: no account needed, nothing leaves this machine.
// Run from the repository root: ./jbang examples/refresh.jsh

import dev.refreshcdn.*;
import dev.refreshcdn.emulator.Emulator;

Emulator emu = Emulator.builder().account("AKIDexampleEXAMPLEexample1234", "exampleSecretKey", "www.test.com").start();
System.out.println("[emulator] " + emu.endpointV3() + " — nothing leaves this machine");

// Every step returns a new immutable value: a plan can be printed before it is submitted.
Refresh refresh = Refresh.urls("https://www.test.com/1.jpg", "https://www.test.com/2.jpg", "https://www.test.com/3.jpg");
refresh = refresh.endpoint(emu.endpointV3()).credentials(emu.secretId(), emu.secretKey());
Plan plan = refresh.batch(2);
System.out.println(plan);

Submission submission = plan.submit();
for (Task task : submission.tasks()) System.out.println("task " + task.taskId() + ": " + task.count() + " URLs");

// A domain the account does not own: the service's refusal, with its code and message.
try {
  refresh = Refresh.urls("https://unknown.example.com/a.png");
  refresh.endpoint(emu.endpointV3()).credentials(emu.secretId(), emu.secretKey()).batch().submit();
} catch (RefusedException e) {
  System.out.println("refused: code " + e.code() + ", message " + e.message());
}

emu.close();
/exit
