package dev.decaybench.runner.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP port in this process's network namespace that leads to a unix socket. The
 * scorer's HTTP and JDBC clients speak TCP; the trial's services are reachable only through
 * sockets in a directory that nothing inside the trial can see.
 */
final class UnixSocketRelay implements AutoCloseable {

  private final ServerSocket server;
  private final Path target;
  private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

  private UnixSocketRelay(ServerSocket server, Path target) {
    this.server = server;
    this.target = target;
  }

  static UnixSocketRelay open(Path target, String name) throws IOException {
    UnixSocketRelay relay = new UnixSocketRelay(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), target);
    Thread acceptor = new Thread(relay::acceptLoop, "relay-" + name);
    acceptor.setDaemon(true);
    acceptor.start();
    return relay;
  }

  int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        SocketChannel upstream;
        try {
          upstream = SocketChannel.open(StandardProtocolFamily.UNIX);
          upstream.connect(UnixDomainSocketAddress.of(target));
        } catch (IOException e) {
          client.close(); // nothing listens yet: the client sees a refused connection
          continue;
        }
        open.add(client);
        open.add(upstream);
        pump("up", client.getInputStream(), upstream, client);
        pump("down", upstream, client.getOutputStream(), client);
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private static void pump(String dir, InputStream in, SocketChannel out, Socket owner) {
    start(dir, () -> {
      byte[] buf = new byte[16 * 1024];
      int n;
      while ((n = in.read(buf)) >= 0) {
        ByteBuffer b = ByteBuffer.wrap(buf, 0, n);
        while (b.hasRemaining()) {
          out.write(b);
        }
      }
      out.shutdownOutput();
    }, owner, out);
  }

  private static void pump(String dir, SocketChannel in, OutputStream out, Socket owner) {
    start(dir, () -> {
      ByteBuffer b = ByteBuffer.allocate(16 * 1024);
      while (in.read(b) >= 0) {
        out.write(b.array(), 0, b.position());
        out.flush();
        b.clear();
      }
      owner.shutdownOutput();
    }, owner, in);
  }

  private interface Copy {
    void run() throws IOException;
  }

  private static void start(String dir, Copy copy, Socket a, SocketChannel b) {
    Thread t = new Thread(() -> {
      try {
        copy.run();
      } catch (IOException e) {
        closeQuietly(a);
        closeQuietly(b);
      }
    }, "relay-" + dir);
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // already closed
    }
  }

  @Override
  public void close() {
    closeQuietly(server);
    open.forEach(UnixSocketRelay::closeQuietly);
  }
}
