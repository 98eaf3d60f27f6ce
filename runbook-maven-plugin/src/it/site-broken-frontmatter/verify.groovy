// One runbook has broken YAML: the goal reports it with file:line and builds every page anyway.
String log = new File(basedir, 'build.log').text
def finding = log.readLines().find { it.contains('[frontmatter.schema]') }
assert finding != null : 'no frontmatter.schema finding in build.log'
assert finding =~ /ops\/broken-yaml\.md:[34]:\d+: error \[frontmatter\.schema\] front-matter is not valid YAML/ : finding
assert log.contains('runbook: site: 2 pages rendered')
File site = new File(basedir, 'target/runbook-site')
assert new File(site, 'index.html').isFile()
assert new File(site, 'ops/restart-api.html').text.contains('Restart the API')
String broken = new File(site, 'ops/broken-yaml.html').text
assert broken.contains('Broken front-matter')
assert broken.contains('href="../ops/restart-api.html"') : 'the .md link is rewritten to the page'
return true
