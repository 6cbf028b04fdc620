package io.k8tre.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8tre.portal.support.GatewaySettings;
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
}
