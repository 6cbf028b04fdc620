package io.k8tre.portal.support;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

/**
 * The JVM's name resolver in the tests, noting every name it is asked to look up and passing the
 * question on to the built-in resolver. Registered through {@code META-INF/services}, so it sees
 * every lookup the code under test makes.
 */
public final class RecordingResolverProvider extends InetAddressResolverProvider {

  public static final Queue<String> LOOKUPS = new ConcurrentLinkedQueue<>();

  @Override
  public InetAddressResolver get(Configuration configuration) {
    InetAddressResolver builtin = configuration.builtinResolver();
    return new InetAddressResolver() {
      @Override
      public Stream<InetAddress> lookupByName(String host, LookupPolicy policy)
          throws UnknownHostException {
        LOOKUPS.add(host);
        return builtin.lookupByName(host, policy);
      }

      @Override
      public String lookupByAddress(byte[] address) throws UnknownHostException {
        return builtin.lookupByAddress(address);
      }
    };
  }

  @Override
  public String name() {
    return "recording";
  }
}
