// The four pages were read, their keys through the aliases, and the two past their review counted.
String log = new File(basedir, 'build.log').text
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/runbook/findings.json'))
assert json.runbooks.size() == 4 : json.runbooks
def overdue = json.findings.findAll { it.ruleId == 'review.overdue' }.collect { it.file }.sort()
assert overdue == ['manual/alerts/cert-expiry.html.md.erb', 'manual/alerts/disk-full.html.md.erb'] : json.findings
assert log.contains('review overdue: last reviewed 2026-03-01, due 2026-09-01 (every 6m), 82 days overdue')
// Aliased keys are not unknown; links between the pages (inline, reference, from the root) all resolve.
assert json.findings.every { it.ruleId == 'review.overdue' } : json.findings
assert log.contains('validate: 0 errors, 2 warnings in 2 of 4 runbooks')
// The site keeps the page names the links use: x.html.md.erb is published as x.html.
File site = new File(basedir, 'target/runbook-site')
['manual/index.html', 'manual/alerts/disk-full.html', 'manual/alerts/high-load.html'].each {
    assert new File(site, it).isFile() : it
}
String page = new File(site, 'manual/alerts/disk-full.html').text
assert page.contains('href="high-load.html#check-the-load"')
assert page.contains('href="../index.html"') : 'the reference link renders as a link'
assert !page.contains('[index]:') : 'the reference definition is not printed'
return true
