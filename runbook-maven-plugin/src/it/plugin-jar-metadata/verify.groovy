// What Maven and IDE users read from the plugin jar itself: the m2e lifecycle mapping (no "plugin
// execution not covered" in Eclipse) and the version in the manifest (reports name the plugin version).
import java.util.jar.JarFile

File jar = new File(localRepositoryPath, 'dev/runbook/runbook-maven-plugin/' + pluginVersion
        + '/runbook-maven-plugin-' + pluginVersion + '.jar')
assert jar.isFile() : "the invoker did not install the plugin jar at ${jar}"

new JarFile(jar).withCloseable { zip ->
    def entry = zip.getEntry('META-INF/m2e/lifecycle-mapping-metadata.xml')
    assert entry != null : 'META-INF/m2e/lifecycle-mapping-metadata.xml is missing from the plugin jar'
    def mapping = new groovy.xml.XmlSlurper().parse(zip.getInputStream(entry))
    Map<String, String> actionByGoal = [:]
    mapping.pluginExecutions.pluginExecution.each { execution ->
        String action = execution.action.children()[0].name()
        execution.pluginExecutionFilter.goals.goal.each { actionByGoal[it.text()] = action }
    }
    assert actionByGoal == [validate: 'execute', site: 'execute', smoke: 'ignore', report: 'ignore', serve: 'ignore']
    def execute = mapping.pluginExecutions.pluginExecution.find { it.action.execute.size() > 0 }.action.execute
    assert execute.runOnIncremental.text() == 'true'

    String implementationVersion = zip.manifest.mainAttributes.getValue('Implementation-Version')
    assert implementationVersion == pluginVersion : "manifest Implementation-Version is ${implementationVersion}"
}

// runbook:help -Ddetail (run 2): every parameter has a description, and the renamed properties are shown.
String help = new File(basedir, 'build.log').text
assert help.contains('runbook:validate')
assert !help.contains('(no description)') : 'a parameter without a description in runbook:help -Ddetail'
['runbook.validate.failOn', 'runbook.validate.baseline', 'runbook.validate.severities', 'runbook.validate.todoPatterns',
 'runbook.smoke.environmentsFile', 'runbook.smoke.variables', 'runbook.report.baseline', 'runbook.smoke.failBuild'].each {
    assert help.contains('User property: ' + it) : "runbook:help -Ddetail does not show ${it}"
}
return true
