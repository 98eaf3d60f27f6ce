// Configured on the command line instead of in the POM, the build must give the same answer as tech-docs-pom:
// the same checks run here, on this project's basedir (evaluate shares this script's binding).
return evaluate(new File(basedir, '../tech-docs-pom/verify.groovy'))
