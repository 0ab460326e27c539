# The seed's case-one server in the seed's own language, rewritten for lesson 05's merge demo:
# accept one client, take ONE recv(1024) as the message, print it, reply, close. The reply comes from
# the command line instead of input(), so the demo runs without a keyboard.
#   python3 one_recv_server.py <port> [reply]
import socket
import sys

port = int(sys.argv[1])
reply = sys.argv[2] if len(sys.argv) > 2 else "ok"

listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.bind(("127.0.0.1", port))
listener.listen()
print("---服务已经启动--- (python)", flush=True)

conn, addr = listener.accept()
print("客户端的地址 >>> :", addr, flush=True)
data = conn.recv(1024).decode("utf-8")          # one read taken as one message: the seed's assumption
print("接收客户端的数据 >>> :", data, flush=True)
conn.sendall(reply.encode("utf-8"))
conn.close()
listener.close()
