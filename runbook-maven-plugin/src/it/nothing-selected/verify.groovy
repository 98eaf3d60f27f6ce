// The build ended with an execution error that names what was skipped and how to select it.
String log = new File(basedir, 'build.log').text
assert !log.contains('BUILD SUCCESS')
assert log.contains('holds 5 files but no runbook: includes [**/*.md] select none of them.')
assert log.contains('by extension: .html.md.erb 3, .erb 1, .yml 1')
assert log.contains('manual/disk-full.html.md.erb (matches no include)')
assert log.contains('-Drunbook.includes=**/*.html.md.erb')
assert !log.contains('0 of 0 runbooks')
assert !new File(basedir, 'target/runbook/findings.json').exists()
return true
