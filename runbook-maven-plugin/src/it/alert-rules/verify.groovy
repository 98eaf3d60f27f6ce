// The site was built first (package), with the alert panel and alerts.html; then validate failed on the
// broken runbook_url and the unreadable rule file, each named file:line:col from the repository root.
String log = new File(basedir, 'build.log').text
def expected = [
    "alert-rules/alerts/db.rules.yml:15:24: error [alert.broken-runbook-url] alert DiskFul: runbook_url https://runbooks.example.org/runbooks/db/diskful is broken: no runbook at db/diskful.md or db/diskful/index.md or db/diskful/_index.md or db/diskful/README.md (fix: did you mean db/DiskFull.md?)",
    "alert-rules/alerts/db.rules.yml:16:9: warning [alert.missing-runbook] alert NoRunbook has no runbook: no runbook_url annotation",
    "alert-rules/alerts/broken.yaml:5:24: error [alert.rule-file] not valid YAML: while parsing a flow sequence",
    "alert-rules/content/db/OldAlert.md:1:1: warning [alert.orphan-runbook] runbook for alert OldAlert (its file name)",
    "validate: 2 errors, 2 warnings",
    "runbook:validate found 2 problems at or above failOn=error",
]
expected.each { line -> assert log.contains(line) : "build.log lacks: " + line }
assert !log.contains('alert ReplicaLag') && !log.contains('alert DiskFull:') : 'linked alerts are not reported'
assert !(log =~ /(?m)^\s+at [a-z]/) && !log.contains('YAMLException') : 'a broken rule file is a finding, not a stack trace'

def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/runbook/findings.sarif'))
def uris = sarif.runs[0].results.collect { it.locations[0].physicalLocation.artifactLocation.uri }
assert uris.any { it.endsWith('alert-rules/alerts/db.rules.yml') } : uris
assert uris.every { !it.contains('..') } : uris

File site = new File(basedir, 'target/runbook-site')
String page = new File(site, 'db/DiskFull.html').text
assert page.contains('class="alert-panel"') : 'the runbook DiskFull links to shows its alert'
assert page.contains('disk_free_ratio{mount=&quot;/var/lib/db&quot;} &lt; 0.1') : 'the expression, escaped'
assert page.contains('team=&lt;script&gt;alert(1)&lt;/script&gt;') && !page.contains('<script>alert(1)') : 'labels are text'
assert new File(site, 'db/ReplicaLag.html').text.contains('replication_lag_seconds &gt; 30') : 'the PrometheusRule alert, via its GitHub URL'
String alerts = new File(site, 'alerts.html').text
['DiskFul', 'NoRunbook', 'DiskFull', 'ReplicaLag'].each { assert alerts.contains('<span class="alert-name">' + it + '</span>') : it }
assert new File(site, 'index.html').text.contains('href="alerts.html"') : 'the navigation links alerts.html'
return true
