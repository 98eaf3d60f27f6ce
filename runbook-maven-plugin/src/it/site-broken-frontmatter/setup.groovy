// The runbooks were "edited" an hour ago: a file changed within a couple of seconds of a build is never
// trusted by the up-to-date check (its stamp could hide a same-size rewrite), and invoker copies this
// project just before it builds it.
long anHourAgo = System.currentTimeMillis() - 3_600_000L
new File(basedir, 'content').eachFileRecurse { it.setLastModified(anHourAgo) }
return true
