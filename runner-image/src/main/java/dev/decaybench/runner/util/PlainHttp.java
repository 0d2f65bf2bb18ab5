package dev.decaybench.runner.util;

import java.net.http.HttpClient;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * HTTP clients for the trial's own app, which is only ever reached over plain http on loopback.
 * They carry a TLS context that refuses to be used: the default one reads and parses the JDK's
 * trust store when a client is built, 0.2-0.3 s of CPU in a cold JVM, paid by every evaluation
 * while the app starts. A redirect to https fails as a connection error.
 */
public final class PlainHttp {

  private PlainHttp() {}

  /** A builder for HTTP/1.1 clients without TLS. */
  public static HttpClient.Builder builder() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .sslContext(new SSLContext(new NoTls(), null, "none") {})
        .sslParameters(new SSLParameters());
  }

  /** What a trial's app would need TLS for is not there. */
  public static final String NO_TLS = "https is not served in a trial (plain http only)";

  private static final class NoTls extends SSLContextSpi {

    @Override
    protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random) {
      throw new UnsupportedOperationException(NO_TLS);
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      throw new UnsupportedOperationException(NO_TLS);
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      throw new UnsupportedOperationException(NO_TLS);
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      throw new UnsupportedOperationException(NO_TLS);
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      throw new UnsupportedOperationException(NO_TLS);
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      throw new UnsupportedOperationException(NO_TLS);
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      throw new UnsupportedOperationException(NO_TLS);
    }
  }
}
