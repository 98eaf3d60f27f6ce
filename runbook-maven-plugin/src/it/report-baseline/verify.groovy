// Release 1.0 failed its gate (one old warning) but was told to go on; its report.json is the baseline.
def slurp = new groovy.json.JsonSlurper()
def first = slurp.parse(new File(basedir, 'target/release-1.0/runbook/report.json'))
assert !first.passed
assert first.findings*.file == ['db/failover.md']
assert new File(basedir, 'target/release-1.0/runbook/report.html').text.contains('Release gate failed')

// Same content against that baseline: nothing new, so the gate passes with the old finding still listed.
def same = slurp.parse(new File(basedir, 'target/unchanged/runbook/report.json'))
assert same.passed : same.violations
assert same.findings.size() == 1
assert same.sinceBaseline.newFindings.isEmpty()
assert same.sinceBaseline.changed.isEmpty()

// Release 1.1: the edited runbook shows up as changed, its broken link is the only new finding, and
// the build failed because of it alone.
def next = slurp.parse(new File(basedir, 'target/release-1.1/runbook/report.json'))
assert !next.passed
assert next.sinceBaseline.changed == ['api/restart.md']
assert next.sinceBaseline.added.isEmpty() && next.sinceBaseline.removed.isEmpty()
assert next.sinceBaseline.newFindings.size() == 1
assert next.sinceBaseline.newFindings[0].file == 'api/restart.md'
assert next.sinceBaseline.newFindings[0].ruleId == 'link.file'
assert next.findings.size() == 2 : 'the report still lists every finding'
assert next.violations*.rule == ['maxWarnings']
assert next.violations[0].blocking == ['api/restart.md']
assert next.runbooks.find { it.path == 'db/failover.md' }.blocking == false

def html = new File(basedir, 'target/release-1.1/runbook/report.html').text
assert html.contains('id="changed-runbooks"')
assert html.contains('data-path="api/restart.md"')

def log = new File(basedir, 'build.log').text
assert log.contains('Release gate failed. 1 new warning finding since the baseline where at most 0 are allowed (maxWarnings=0). Blocking: api/restart.md.')

// runbook:site publishes a report only while it describes the runbooks beside it.
def site10 = new File(basedir, 'target/release-1.0/runbook-site')
assert new File(site10, 'report.html').isFile() : 'the current report is published'
assert new File(site10, 'index.html').text.contains('href="report.html"')
def stale = new File(basedir, 'target/release-1.0/site-after-edit')
assert new File(stale, 'index.html').isFile()
assert !new File(stale, 'report.html').exists() : 'a report from before the edit is left out'
assert !new File(stale, 'index.html').text.contains('href="report.html"')
assert new File(basedir, 'build.log').text.contains('the site leaves it out') : 'the build says why'
return true
