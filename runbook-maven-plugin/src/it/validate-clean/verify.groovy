// The clean content passes, and every report is written.
File log = new File(basedir, 'build.log')
assert log.text.contains('validate: 0 errors, 0 warnings in 0 of 2 runbooks')
assert new File(basedir, 'target/runbook/findings.json').isFile()
assert new File(basedir, 'target/runbook/findings.sarif').isFile()
assert new File(basedir, 'target/runbook-reports/TEST-runbook-validate.xml').isFile()
assert log.text.contains('offline (runbook.offline=true)')
// SARIF names the plugin's real version (from its descriptor), not a placeholder.
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/runbook/findings.sarif'))
assert sarif.runs[0].tool.driver.version == pluginVersion
return true
