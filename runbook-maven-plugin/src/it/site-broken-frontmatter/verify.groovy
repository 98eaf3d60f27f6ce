// One runbook has broken YAML: the goal reports it with file:line and builds every page anyway.
String log = new File(basedir, 'build.log').text
def findings = log.readLines().findAll { it.contains('[frontmatter.schema]') }
assert !findings.isEmpty() : 'no frontmatter.schema finding in build.log'
findings.each { assert it =~ /ops\/broken-yaml\.md:[34]:\d+: error \[frontmatter\.schema\] front-matter is not valid YAML/ : it }
assert log.contains('runbook: site: 2 pages rendered')
File site = new File(basedir, 'target/runbook-site')
assert new File(site, 'index.html').isFile()
assert new File(site, 'ops/restart-api.html').text.contains('Restart the API')
String broken = new File(site, 'ops/broken-yaml.html').text
assert broken.contains('Broken front-matter')
assert broken.contains('href="../ops/restart-api.html"') : 'the .md link is rewritten to the page'

// The second invocation (invoker.goals.2): nothing changed, so nothing is loaded or rendered, and the
// warning of the first build is printed again rather than lost.
assert new File(basedir, 'target/runbook-site-inputs.properties').isFile()
assert log.contains('runbook: site: up to date, no input changed since the last build') : 'second build was not a no-op'
assert findings.size() == 2 : "the warning is printed by both builds: ${findings}"
return true
