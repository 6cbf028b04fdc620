package io.k8tre.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8tre.portal.support.RecordingResolverProvider;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

class IpLiteralsTest {

  @Test
  void parseWhenLiteralsThenTheirBytes() {
    assertThat(IpLiterals.parse("10.1.2.3")).hasValueSatisfying(b -> assertThat(b).hasSize(4));
    assertThat(IpLiterals.parse("::1")).hasValueSatisfying(b -> assertThat(b).hasSize(16));
    assertThat(IpLiterals.parse("2001:db8::2:1"))
        .hasValueSatisfying(b -> assertThat(b).hasSize(16));
    assertThat(IpLiterals.parse("::ffff:10.1.2.3"))
        .hasValueSatisfying(b -> assertThat(b).containsExactly(10, 1, 2, 3));
  }

  @Test
  void parseWhenNotALiteralThenEmpty() {
    for (String text :
        List.of(
            "",
            "256.1.1.1",
            "1.2.3",
            "1.2.3.4.5",
            "dead.beef",
            "cafe.be",
            ".1:2",
            "..::",
            "::g",
            "1.2.3.4 ",
            "[::1]",
            "localhost")) {
      assertThat(IpLiterals.parse(text)).as(text).isEmpty();
    }
    assertThat(IpLiterals.parse(null)).isEmpty();
  }

  @Test
  void isTrustedWhenHeaderHoldsNamesMadeOfAddressCharactersThenNothingIsLookedUp() {
    // The recorder sees lookups: a plain getByName of such a name goes to the resolver.
    try {
      InetAddress.getByName("bad.c0de");
    } catch (UnknownHostException expected) {
      // No such name; what matters is that it was asked.
    }
    assertThat(RecordingResolverProvider.LOOKUPS).contains("bad.c0de");

    TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.0/8", "::1/128"));
    for (String text : List.of("dead.beef", "cafe.be", "face.b00c.de", ".1:2", "..::")) {
      assertThat(proxies.isTrusted(text)).as(text).isFalse();
    }

    assertThat(RecordingResolverProvider.LOOKUPS)
        .doesNotContain("dead.beef", "cafe.be", "face.b00c.de", ".1:2", "..::");
  }
}
