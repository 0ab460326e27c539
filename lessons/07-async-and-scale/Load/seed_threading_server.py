"""Lesson 07: a line echo server in the seed's style, for the load tool's comparison (optional: needs python3).

socketserver.ThreadingTCPServer, as the seed's last example uses: one thread per client, and the class's default
listen backlog of 5 (request_queue_size). Each line a client sends comes back as it was. It prints the port it
listens on, then serves until it is killed.

    python3 seed_threading_server.py [port]     # port 0 (the default) lets the system choose
"""
import resource
import socketserver
import sys


class LineEcho(socketserver.StreamRequestHandler):
    def handle(self):
        for line in self.rfile:  # one line at a time, until the client closes
            self.wfile.write(line if line.endswith(b"\n") else line + b"\n")


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    # request_queue_size stays 5, the socketserver default: the seed's listen(5).

    def handle_error(self, request, client_address):
        pass  # a client that resets (the load tool stops its clients abruptly) is not worth a traceback each


def main():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))  # one descriptor per client, as many as allowed
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    with Server(("127.0.0.1", port), LineEcho) as server:
        print(f"listening on 127.0.0.1:{server.server_address[1]}", flush=True)
        server.serve_forever()


if __name__ == "__main__":
    main()
