package io.k8tre.portal.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8tre.portal.directory.DirectoryProject;
import io.k8tre.portal.directory.DirectorySnapshot;
import io.k8tre.portal.directory.SampleDirectory;
import org.junit.jupiter.api.Test;

/** Expected memberships of K8TRE's sample users, worked out by hand from the sample YAML. */
class AccessPolicySampleTest {

  private static final DirectorySnapshot SAMPLES = SampleDirectory.snapshot();

  @Test
  void projectsOfWhenTrevolutionThenAsthmaAndDiabetes() {
    assertThat(AccessPolicy.projectsOf(SAMPLES, "trevolution"))
        .extracting(DirectoryProject::name)
        .containsExactly("asthma", "diabetes");
  }

  @Test
  void projectsOfWhenAlwinListedOnlyByGroupMembersThenHypertensionIncluded() {
    assertThat(AccessPolicy.projectsOf(SAMPLES, "alwin"))
        .extracting(DirectoryProject::name)
        .containsExactly("asthma", "diabetes", "hypertension");
  }

  @Test
  void projectsOfWhenK8treUserThenAllThree() {
    assertThat(AccessPolicy.projectsOf(SAMPLES, "k8tre-user"))
        .extracting(DirectoryProject::name)
        .containsExactly("asthma", "diabetes", "hypertension");
  }

  @Test
  void projectsOfWhenUserDisabledThenNone() {
    assertThat(AccessPolicy.projectsOf(SAMPLES, "test")).isEmpty();
  }

  @Test
  void decideWhenUserDisabledThenDenied() {
    assertThat(AccessPolicy.decideProject(SAMPLES, "test", "asthma"))
        .isEqualTo(new Decision(false, AccessReason.USER_DISABLED));
  }

  @Test
  void decideWhenTrevolutionAsksForHypertensionThenNotMember() {
    assertThat(AccessPolicy.decideProject(SAMPLES, "trevolution", "hypertension").reason())
        .isEqualTo(AccessReason.NOT_MEMBER);
  }

  @Test
  void decideAppWhenMemberAndAppListedThenAllowed() {
    assertThat(AccessPolicy.decideApp(SAMPLES, "alwin", "hypertension", "guacamole"))
        .isEqualTo(Decision.allow());
  }
}
