// The failing check failed the build, with the resolved value beside the expectation and file:line.
def server = System.properties.remove('runbook.it.smoke.server')
server?.stop(0)

String log = new File(basedir, 'build.log').text
assert log.contains('smoke: 1 passed, 1 failed') : 'summary line missing'
def failure = log.readLines().find { it.contains('api/health.md:10') }
assert failure != null : 'no failure line naming api/health.md:10'
assert failure.contains('API health') && failure.contains('status (503) == 200') : failure
assert log.contains('BUILD FAILURE')

def results = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/runbook/smoke-results.json'))
def outcomes = results.checks.collectEntries { [(it.name): it.outcome] }
assert outcomes == ['API health': 'fail', 'API ready': 'pass'] : outcomes
def junit = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new File(basedir, 'target/runbook-reports/TEST-runbook-smoke.xml')).documentElement
assert junit.getElementsByTagName('failure').length == 1
return true
