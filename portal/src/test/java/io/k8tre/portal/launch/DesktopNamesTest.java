package io.k8tre.portal.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DesktopNamesTest {

  private static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";

  @Test
  void ofWhenPairsDifferOnlyInPunctuationThenNamesDiffer() {
    List<String[]> pairs =
        List.of(
            new String[] {"a-b", "c"},
            new String[] {"a", "b-c"},
            new String[] {"a.b", "c"},
            new String[] {"A-B", "c"},
            new String[] {"a_b", "c"},
            new String[] {"山田", "c"},
            new String[] {"田山", "c"});
    Set<String> names = new HashSet<>();
    pairs.forEach(p -> names.add(DesktopNames.of(p[0], p[1])));

    assertThat(names).hasSize(pairs.size());
  }

  @Test
  void ofWhenAnyInputThenDnsSafeShortAndStable() {
    String name = DesktopNames.of("Very.Long.User.Name+tag@example.org".repeat(5), "a".repeat(60));

    assertThat(name).matches(DNS_LABEL).hasSizeLessThanOrEqualTo(54);
    assertThat(("vdi-" + name)).hasSizeLessThanOrEqualTo(63);
    assertThat(DesktopNames.of("alice", "asthma")).isEqualTo(DesktopNames.of("alice", "asthma"));
    assertThat(DesktopNames.of("alice", "asthma")).startsWith("alice-asthma-");
    assertThat(DesktopNames.ownerLabel("山田@x")).matches(DNS_LABEL).hasSizeLessThanOrEqualTo(63);
  }
}
