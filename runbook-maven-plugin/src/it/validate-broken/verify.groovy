// The build failed because of the runbooks, with file:line:col lines for each finding.
String log = new File(basedir, 'build.log').text
def expected = [
    "content/index.md:3:21: error [link.anchor] link 'ops/restart-api.md#stepz': ops/restart-api.md has no anchor #stepz (fix: did you mean #steps?)",
    "content/index.md:4:14: error [link.file] link 'ops/failover.md' points to ops/failover.md, which does not exist",
    "content/ops/restart-api.md:3:1: warning [review.overdue] review overdue: last reviewed 2026-01-05, due 2026-04-05 (every 90d), 231 days overdue",
    "content/ops/restart-api.md:4:1: warning [frontmatter.unknown-key]",
    "validate: 2 errors, 2 warnings in 2 of 2 runbooks",
    "runbook:validate found 2 problems at or above failOn=error",
]
expected.each { line -> assert log.contains(line) : "build.log lacks: " + line }
assert !log.contains('img/latency.png') : 'the suppressed image link must not be reported'
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/runbook/findings.sarif'))
assert sarif.version == '2.1.0'
assert sarif.runs[0].results.size() == 4
assert sarif.runs[0].results.every { it.locations[0].physicalLocation.artifactLocation.uriBaseId == 'SRCROOT' }
def junit = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new File(basedir, 'target/runbook-reports/TEST-runbook-validate.xml')).documentElement
// One <testsuite> per runbook, one <testcase> per finding (2 errors, 2 warnings), one <failure> per error.
assert junit.tagName == 'testsuites'
assert junit.getElementsByTagName('testsuite').length == 2
assert junit.getAttribute('tests') == '4'
assert junit.getElementsByTagName('failure').length == 2
def names = (0..<junit.getElementsByTagName('testcase').length).collect { junit.getElementsByTagName('testcase').item(it).getAttribute('name') }
// Paths are from the repository root (the checkout holding these ITs), so only the ending is fixed.
assert names.any { it.startsWith('link.file ') && it.endsWith('content/index.md:4') } : names
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/runbook/findings.json'))
assert json.counts.error == 2 && json.counts.warning == 2
return true
