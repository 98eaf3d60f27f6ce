// A real HTTP server on loopback that echoes the credential it receives in every common encoding.
// The invoker forks the build, so this server outlives the hook; verify.groovy stops it.
import com.sun.net.httpserver.HttpServer

def server = HttpServer.create(new InetSocketAddress(InetAddress.getByName('127.0.0.1'), 0), 0)
def answer = { exchange, int status, String body ->
    byte[] bytes = body.getBytes('UTF-8')
    exchange.responseHeaders.add('Content-Type', 'text/plain')
    exchange.sendResponseHeaders(status, bytes.length)
    exchange.responseBody.withStream { it.write(bytes) }
}
server.createContext('/basic') { answer(it, 500, 'denied for ' + it.requestHeaders.getFirst('Authorization')) }
// The token in the forms a server's error page or a proxy turns it into.
server.createContext('/forms') {
    String auth = it.requestHeaders.getFirst('Authorization') ?: ''
    String token = auth.startsWith('Bearer ') ? auth.substring(7) : auth
    String percent = URLEncoder.encode(token, 'UTF-8')
    answer(it, 500, [percent, percent.replace('+', '%20'), Base64.encoder.encodeToString(token.getBytes('UTF-8')),
                     token.replace('\\', '\\\\').replace('"', '\\"'),
                     token.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;').replace('"', '&quot;'),
                     token.replaceAll('\\s+', ' ')].join(' | '))
}
server.createContext('/header') {
    it.responseHeaders.add('X-Echo', it.requestHeaders.getFirst('Authorization'))
    answer(it, 200, 'ok')
}
server.start()
System.properties.put('runbook.it.secret.server', server)

File env = new File(basedir, 'target/it-env/runbook-environments.yaml')
env.parentFile.mkdirs()
env.text = """it:
  variables:
    api: "http://127.0.0.1:${server.address.port}"
  secrets: [IT_TOKEN]
  allowed_hosts: ["127.0.0.1"]
"""
return true
