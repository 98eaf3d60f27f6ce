// A real HTTP server on loopback for the build to check: /health answers 503 (the failing check),
// /ready answers 200. The invoker forks the build, so this server outlives the hook; verify.groovy stops it.
import com.sun.net.httpserver.HttpServer

def server = HttpServer.create(new InetSocketAddress(InetAddress.getByName('127.0.0.1'), 0), 0)
def answer = { exchange, int status, String body ->
    byte[] bytes = body.getBytes('UTF-8')
    exchange.responseHeaders.add('Content-Type', 'application/json')
    exchange.sendResponseHeaders(status, bytes.length)
    exchange.responseBody.withStream { it.write(bytes) }
}
server.createContext('/health') { answer(it, 503, '{"status":"degraded"}') }
server.createContext('/ready') { answer(it, 200, '{"ready":true}') }
server.start()
System.properties.put('runbook.it.smoke.server', server)

File env = new File(basedir, 'target/it-env/runbook-environments.yaml')
env.parentFile.mkdirs()
env.text = """it:
  variables:
    api: "http://127.0.0.1:${server.address.port}"
  allowed_hosts: ["127.0.0.1"]
"""
return true
