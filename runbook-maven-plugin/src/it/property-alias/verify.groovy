// The deprecated property was read, with a warning that names the new one.
File log = new File(basedir, 'build.log')
assert log.text.contains('[WARNING] runbook: the property runbook.failOn is deprecated; use runbook.validate.failOn (read this time as runbook.validate.failOn=none)')
// -Drunbook.validate.todoPatterns=WIP,NOPE (a list) made WIP a placeholder.todo error; failOn=none let it pass.
assert log.text.contains('error [placeholder.todo]')
// -Drunbook.validate.severities=link.file=warning,... (a map) lowered the broken link to a warning.
assert log.text.contains('warning [link.file]')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/runbook/findings.json'))
assert json.findings.find { it.ruleId == 'link.file' }.severity == 'warning'
assert json.pluginVersion == pluginVersion
return true
