// Every form of the secret is looked for in the -X console log and in every file the build wrote.
def server = System.properties.remove('runbook.it.secret.server')
server?.stop(0)

String secret = 'Tk9"{zq}  <a&b>\'x\'/+=%-77Qw'
def forms = [
    'raw'               : secret,
    'basic pair base64' : Base64.encoder.encodeToString(('admin:' + secret).getBytes('UTF-8')),
    'base64'            : Base64.encoder.encodeToString(secret.getBytes('UTF-8')),
    'percent (+)'       : URLEncoder.encode(secret, 'UTF-8'),
    'percent (%20)'     : URLEncoder.encode(secret, 'UTF-8').replace('+', '%20'),
    'json'              : secret.replace('\\', '\\\\').replace('"', '\\"'),
    'html'              : secret.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;').replace('"', '&quot;'),
    'html (&#39;)'      : secret.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;').replace('"', '&quot;').replace("'", '&#39;'),
    'collapsed'         : secret.replaceAll('\\s+', ' '),
]

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[DEBUG]') : 'the build did not run at -X'
assert log.contains('smoke: 0 passed, 3 failed') : 'summary line missing'
assert log.contains('•••') : 'no masked value in the failure messages: the checks did not echo the secret back'

def leaks = []
forms.each { name, form ->
    if (log.contains(form)) leaks << "build.log: ${name}"
}
def target = new File(basedir, 'target')
int files = 0
target.eachFileRecurse(groovy.io.FileType.FILES) { file ->
    if (file.path.contains('it-env')) return
    files++
    String text = new String(file.bytes, 'UTF-8')
    forms.each { name, form ->
        if (text.contains(form)) leaks << "${basedir.toPath().relativize(file.toPath())}: ${name}"
    }
}
assert files > 5 : "the build wrote only ${files} files"
assert new File(target, 'runbook-site/api/echo.html').isFile() : 'the site was not built'
assert leaks.isEmpty() : "the secret leaked: ${leaks}"
return true
