package io.k8tre.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8tre.portal.support.GatewaySettings;
import io.k8tre.portal.support.RecordingResolverProvider;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Forwarded addresses are believed only from proxies, read from the right. */
class ClientAddressesTest {

  private final ClientAddresses addresses =
      new ClientAddresses(GatewaySettings.trusting("10.0.0.0/8"));

  private static MockHttpServletRequest from(String peer, String forwarded) {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setRemoteAddr(peer);
    if (forwarded != null) {
      request.addHeader("X-Forwarded-For", forwarded);
    }
    return request;
  }

  @Test
  void ofWhenPeerIsNotAProxyThenPeerWhateverTheHeaderSays() {
    assertThat(addresses.of(from("203.0.113.7", "10.1.1.1"))).isEqualTo("203.0.113.7");
  }

  @Test
  void ofWhenBehindProxiesThenFirstUntrustedFromTheRight() {
    assertThat(addresses.of(from("10.0.0.2", "198.51.100.1, 203.0.113.9, 10.0.0.5")))
        .isEqualTo("203.0.113.9");
  }

  @Test
  void ofWhenHeaderHoldsGarbageThenPeer() {
    assertThat(addresses.of(from("10.0.0.2", "evil\r\nX-Injected: 1"))).isEqualTo("10.0.0.2");
  }

  @Test
  void canonicalWhenIpv6ThenRfc5952ShortForm() {
    // Examples from RFC 5952, sections 4.2.1 to 4.3, and Tomcat's way of writing loopback.
    assertThat(ClientAddresses.canonical("0:0:0:0:0:0:0:1")).isEqualTo("::1");
    assertThat(ClientAddresses.canonical("2001:db8:0:0:0:0:2:1")).isEqualTo("2001:db8::2:1");
    assertThat(ClientAddresses.canonical("2001:db8:0:1:1:1:1:1")).isEqualTo("2001:db8:0:1:1:1:1:1");
    assertThat(ClientAddresses.canonical("2001:0:0:1:0:0:0:1")).isEqualTo("2001:0:0:1::1");
    assertThat(ClientAddresses.canonical("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");
    assertThat(ClientAddresses.canonical("2001:DB8::AB")).isEqualTo("2001:db8::ab");
    assertThat(ClientAddresses.canonical("0:0:0:0:0:0:0:0")).isEqualTo("::");
    assertThat(ClientAddresses.canonical("::ffff:10.1.2.3")).isEqualTo("10.1.2.3");
  }

  @Test
  void canonicalWhenNotALiteralThenUnchangedAndNeverLookedUp() {
    assertThat(ClientAddresses.canonical(".1:2")).isEqualTo(".1:2");
    assertThat(ClientAddresses.canonical("..::")).isEqualTo("..::");

    assertThat(RecordingResolverProvider.LOOKUPS).doesNotContain(".1:2", "..::");
  }

  @Test
  void canonicalWhenIpv4OrNotAnAddressThenUnchanged() {
    assertThat(ClientAddresses.canonical("10.0.0.1")).isEqualTo("10.0.0.1");
    assertThat(ClientAddresses.canonical("fe:zz")).isEqualTo("fe:zz");
    assertThat(ClientAddresses.canonical(null)).isNull();
  }
}
