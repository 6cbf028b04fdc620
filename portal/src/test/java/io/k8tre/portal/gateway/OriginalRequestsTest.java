package io.k8tre.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Forged identity and URL tricks: headers believed only from proxies, paths decided decoded. */
class OriginalRequestsTest {

  private final OriginalRequests originals =
      new OriginalRequests(new TrustedProxies(List.of("127.0.0.0/8", "::1/128")));

  private static MockHttpServletRequest from(String address) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/auth/validate");
    request.setRemoteAddr(address);
    request.addHeader("X-Original-URL", "https://jupyter.tre.example/user/alice-p1/tree");
    return request;
  }

  @Test
  void readWhenPeerIsTrustedProxyThenOriginalUrlIsUsed() {
    GatewayRequest read = originals.read(from("127.0.0.1"));

    assertThat(read.host()).isEqualTo("jupyter.tre.example");
    assertThat(read.path()).isEqualTo("/user/alice-p1/tree");
  }

  @Test
  void readWhenUntrustedPeerSendsOriginalUrlThenNoDecision() {
    assertThat(originals.read(from("203.0.113.9"))).isNull();
  }

  @Test
  void readWhenUntrustedPeerSendsNoForwardingHeadersThenDecidedOnTheTokenAlone() {
    MockHttpServletRequest request = from("203.0.113.9");
    request.removeHeader("X-Original-URL");

    GatewayRequest read = originals.read(request);

    assertThat(read.host()).isNull();
    assertThat(read.path()).isNull();
  }

  @Test
  void readWhenTrustedProxySendsNoOriginalUrlThenNoDecision() {
    MockHttpServletRequest request = from("127.0.0.1");
    request.removeHeader("X-Original-URL");

    assertThat(originals.read(request)).isNull();
  }

  @Test
  void readWhenClientAddsForwardedForThenTheTcpPeerStillDecidesTrust() {
    MockHttpServletRequest request = from("127.0.0.1");
    request.addHeader("X-Forwarded-For", "203.0.113.7");

    assertThat(originals.read(request).host()).isEqualTo("jupyter.tre.example");
  }

  @Test
  void normalisedPathRefusesWhatHopsWouldRouteDifferently() {
    assertThat(OriginalRequests.normalisedPath("/user/alice-p1/..%2Ftrevolution-p1/api")).isNull();
    assertThat(OriginalRequests.normalisedPath("/user/alice-p1%2F..%2F..%2Fuser%2Fbob-p1/api"))
        .isNull();
    assertThat(OriginalRequests.normalisedPath("/user/alice-p1/../bob-p1/api")).isNull();
    assertThat(OriginalRequests.normalisedPath("/user/alice-p1/%2e%2e/bob-p1/api")).isNull();
    assertThat(OriginalRequests.normalisedPath("/user/bob-p1/./tree")).isNull();
  }

  @Test
  void normalisedPathDropsPathParametersAsServletContainersDo() {
    assertThat(OriginalRequests.normalisedPath("/user;/alice-p1/api"))
        .isEqualTo("/user/alice-p1/api");
    assertThat(OriginalRequests.normalisedPath("/hub;x=1/user/alice-p1/"))
        .isEqualTo("/hub/user/alice-p1/");
    assertThat(OriginalRequests.normalisedPath("/user/bob-p1/..;/alice-p1/api")).isNull();
    // An encoded semicolon is part of a name, not a parameter.
    assertThat(OriginalRequests.normalisedPath("/user/bob-p1/files/a%3Bb.csv"))
        .isEqualTo("/user/bob-p1/files/a;b.csv");
  }

  @Test
  void normalisedPathDecodesOrdinaryPaths() {
    assertThat(OriginalRequests.normalisedPath("/user//bob-p1/tree%20x"))
        .isEqualTo("/user/bob-p1/tree x");
  }

  @Test
  void normalisedPathRefusesControlCharactersBackslashesAndEscapingTheRoot() {
    assertThat(OriginalRequests.normalisedPath("/user/a%0d%0aX-Auth-User:%20b")).isNull();
    assertThat(OriginalRequests.normalisedPath("/user/a%5C..%5Cb")).isNull();
    assertThat(OriginalRequests.normalisedPath("/../../etc/passwd")).isNull();
    assertThat(OriginalRequests.normalisedPath("/%zz")).isNull();
  }

  @Test
  void readWhenOriginalUrlHasUserInfoThenMalformed() {
    MockHttpServletRequest request = from("127.0.0.1");
    request.removeHeader("X-Original-URL");
    request.addHeader("X-Original-URL", "https://alice@jupyter.tre.example/");

    assertThat(originals.read(request)).isNull();
  }

  @Test
  void readWhenCookieNamesAreNotProjectNamesThenIgnored() {
    MockHttpServletRequest request = from("127.0.0.1");
    request.addHeader(
        "Cookie",
        "k8tre-auth-token-asthma=t1; k8tre-auth-token-../x=t2; k8tre-auth-token-UPPER=t3;"
            + " k8tre-project=asthma");

    GatewayRequest read = originals.read(request);

    assertThat(read.tokens()).containsOnlyKeys("asthma");
    assertThat(read.currentProject()).isEqualTo("asthma");
  }

  @Test
  void readWhenFlooodedWithCookiesThenParsingIsBounded() {
    MockHttpServletRequest request = from("127.0.0.1");
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      many.append("k8tre-auth-token-p").append(i).append("=t; ");
    }
    request.addHeader("Cookie", many.toString());

    assertThat(originals.read(request).tokens()).hasSizeLessThanOrEqualTo(64);
  }

  @Test
  void trustedProxiesMatchOnlyTheirRanges() {
    TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.0/8", "::1/128"));

    assertThat(proxies.isTrusted("10.1.2.3")).isTrue();
    assertThat(proxies.isTrusted("11.1.2.3")).isFalse();
    assertThat(proxies.isTrusted("0:0:0:0:0:0:0:1")).isTrue();
    assertThat(proxies.isTrusted("evil.example")).isFalse();
    assertThat(proxies.isTrusted(null)).isFalse();
  }
}
