package io.k8tre.portal.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on a local port to a real server, which a test can cut (close the port and every open
 * connection, as a network partition or a dead database would) and restore on the same port.
 */
public final class TcpRelay implements AutoCloseable {

  private final int port;
  private final InetSocketAddress target;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile ServerSocket listener;

  public TcpRelay(int port, InetSocketAddress target) {
    this.port = port;
    this.target = target;
    restore();
  }

  /** A relay to {@code target} on a free local port. */
  public static TcpRelay to(InetSocketAddress target) {
    int free;
    try (ServerSocket probe = new ServerSocket(0)) {
      free = probe.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
    return new TcpRelay(free, target);
  }

  public int port() {
    return port;
  }

  /** Opens the port again; new connections reach the target. */
  public synchronized void restore() {
    if (listener != null) {
      return;
    }
    try {
      ServerSocket socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      listener = socket;
      Thread.ofVirtual().name("tcp-relay-accept").start(() -> accept(socket));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + port, e);
    }
  }

  /** Refuses new connections and breaks the open ones. */
  public synchronized void cut() {
    ServerSocket socket = listener;
    listener = null;
    closeQuietly(socket);
    open.forEach(TcpRelay::closeQuietly);
    open.clear();
  }

  @Override
  public void close() {
    cut();
  }

  private void accept(ServerSocket socket) {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        Socket server = new Socket();
        try {
          server.connect(target, 2_000);
        } catch (IOException e) {
          closeQuietly(client);
          closeQuietly(server);
          continue;
        }
        open.add(client);
        open.add(server);
        Thread.ofVirtual().start(() -> pump(client, server));
        Thread.ofVirtual().start(() -> pump(server, client));
      } catch (IOException e) {
        return; // closed by cut()
      }
    }
  }

  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // One side went away; close both below.
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      open.remove(from);
      open.remove(to);
    }
  }

  private static void closeQuietly(java.io.Closeable closeable) {
    if (closeable != null) {
      try {
        closeable.close();
      } catch (IOException e) {
        // already closed
      }
    }
  }
}
