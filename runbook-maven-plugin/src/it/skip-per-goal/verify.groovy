// Run 1 passed although the content is broken: validate was skipped by its own flag (buildResult.1).
// Run 2 skipped only the site, after a clean: validate ran and failed on the broken content.
File log = new File(basedir, 'build.log')
assert log.text.contains('runbook: skipped (runbook.site.skip=true)')
assert log.text.contains('[link.file]')
assert !new File(basedir, 'target/runbook-site/index.html').exists()
return true
