///usr/bin/env jbang "$0" "$@" ; exit $?
//GROOVY 2.4.21
//DEPS ../RefreshCdn.java
// The fluent API from Groovy, against an emulator on loopback: no account needed, nothing leaves this machine.
// Run from the repository root: ./jbang examples/refresh.groovy
// (Groovy 2.4.21: JBang 0.127.18 fetches groovyc as a groovy-binary zip from Maven Central, which has 2.4.x only.)

import dev.refreshcdn.Refresh
import dev.refreshcdn.RefusedException
import dev.refreshcdn.Task
import dev.refreshcdn.emulator.Emulator

def emu = Emulator.builder().account('AKIDexampleEXAMPLEexample1234', 'exampleSecretKey', 'www.test.com').start()
try {
    println "[emulator] ${emu.endpointV3()} — nothing leaves this machine"
    def urls = (1..5).collect { "https://www.test.com/img/${it}.jpg".toString() }

    def submission = Refresh.urls(urls)
            .endpoint(emu.endpointV3())
            .credentials(emu.secretId(), emu.secretKey())
            .batch(2)
            .submit { Task task -> println "task ${task.taskId()}: ${task.count()} URLs" }
    println "submitted ${submission.urlCount()} URLs in ${submission.tasks().size()} tasks"

    try {
        Refresh.urls('https://unknown.example.com/a.png')
                .endpoint(emu.endpointV3())
                .credentials(emu.secretId(), emu.secretKey())
                .batch()
                .submit()
    } catch (RefusedException e) {
        println "refused: code ${e.code()}, message ${e.message()}"
    }
} finally {
    emu.close()
}
