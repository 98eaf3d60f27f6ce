File log = new File(basedir, 'build.log')
assert log.text.contains('runbook: Maven is offline (-o), so runbook.offline=true')
assert log.text.contains('validate: offline (runbook.offline=true): 1 external links not checked')
assert !log.text.contains('not found (DNS)')
return true
