#!/usr/bin/env python3
"""Serves a folder on 127.0.0.1 with HTTP/1.1 keep-alive (python3 -m http.server speaks HTTP/1.0 and closes
every connection, which a pooling client then meets as a dropped connection).
   python3 bench/serve.py FOLDER PORT_FILE      (writes the chosen port to PORT_FILE once listening)"""
import functools, http.server, sys

folder, port_file = sys.argv[1], sys.argv[2]


class Handler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=folder))
server.daemon_threads = True
with open(port_file + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
import os
os.replace(port_file + ".tmp", port_file)
server.serve_forever()
