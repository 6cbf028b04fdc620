package io.k8tre.portal.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.k8tre.api.VDIInstance;
import io.k8tre.portal.audit.AuditEvent;
import io.k8tre.portal.audit.AuditQuery;
import io.k8tre.portal.audit.AuditStore;
import io.k8tre.portal.audit.BufferedAuditLog;
import io.k8tre.portal.directory.DirectoryProperties;
import io.k8tre.portal.support.Browserless;
import io.k8tre.portal.support.KubernetesMock;
import io.k8tre.portal.support.PortalIT;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A desktop's pages answer its owner only, whatever the URL names. */
class DesktopOwnershipIT extends PortalIT {

  private static final String TREVOLUTION_DESKTOP = DesktopNames.of("trevolution", "asthma");

  @AfterEach
  void removeDesktop() {
    KubernetesMock.client()
        .resources(VDIInstance.class)
        .inNamespace("project-asthma")
        .withName(TREVOLUTION_DESKTOP)
        .delete();
  }

  @Test
  void statusWhenAnotherPersonsDesktopThenForbidden() {
    Browserless trevolution = newBrowser();
    HttpResponse<String> landed = trevolution.login("trevolution", "k8tre");
    assertThat(landed.uri().getPath())
        .as(landed.statusCode() + " " + landed.uri())
        .isEqualTo("/projects");
    HttpResponse<String> launched = trevolution.get("/launch/asthma/guacamole");
    assertThat(Browserless.location(launched)).endsWith("/desktops/asthma/" + TREVOLUTION_DESKTOP);
    HttpResponse<String> twice = trevolution.get("/launch/asthma/guacamole");
    assertThat(Browserless.location(twice)).isEqualTo(Browserless.location(launched));

    Browserless alwin = newBrowser();
    alwin.login("alwin", "k8tre");
    String path = "/desktops/asthma/" + TREVOLUTION_DESKTOP;

    assertThat(alwin.get(path).statusCode()).isEqualTo(403);
    assertThat(alwin.getJson("/api" + path).statusCode()).isEqualTo(403);
    assertThat(alwin.get(path + "/connect").statusCode()).isEqualTo(403);
    assertThat(alwin.postForm(path + "/stop", Map.of("_csrf", csrf(alwin))).statusCode())
        .isEqualTo(403);
    assertThat(desktopExists()).isTrue();
    assertThat(alwin.getJson("/api/desktops").body()).doesNotContain(TREVOLUTION_DESKTOP);
    assertThat(trevolution.getJson("/api" + path).body()).contains("\"state\":");
    assertThat(trevolution.postForm(path + "/stop", Map.of()).statusCode())
        .as("no CSRF token")
        .isEqualTo(403);
    assertThat(
            trevolution.postForm(path + "/stop", Map.of("_csrf", csrf(trevolution))).statusCode())
        .isEqualTo(302);
    assertThat(desktopExists()).isFalse();
    auditLog.flush();
    assertThat(auditStore.find(new AuditQuery("asthma", null, null, null, null, null, 500)))
        .extracting(e -> e.kind() + " " + e.user())
        .contains(
            "desktop.created trevolution",
            "desktop.requested trevolution",
            "desktop.deny alwin",
            "desktop.stopped trevolution");
  }

  @Test
  void idleStopByTheOperatorThenOneCulledRecordHoweverManyReplicasSawIt() {
    Browserless trevolution = newBrowser();
    trevolution.login("trevolution", "k8tre");
    assertThat(Browserless.location(trevolution.get("/launch/asthma/guacamole")))
        .endsWith("/desktops/asthma/" + TREVOLUTION_DESKTOP);

    // What the VDI operator does when the idle timeout passes: say why, then delete.
    var desktops =
        KubernetesMock.client()
            .genericKubernetesResources(KubernetesDesktops.context(directory))
            .inNamespace("project-asthma");
    GenericKubernetesResource annotated =
        desktops
            .withName(TREVOLUTION_DESKTOP)
            .patch(
                PatchContext.of(PatchType.JSON_MERGE),
                "{\"metadata\":{\"annotations\":{\"k8tre.io/stop-reason\":\"idle-timeout\"}}}");
    desktops.withName(TREVOLUTION_DESKTOP).delete();

    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              auditLog.flush();
              assertThat(culled()).hasSize(1);
            });
    // A second replica's watch reports the same deletion: still one record.
    new DesktopWatch(
            KubernetesMock.client(), KubernetesDesktops.context(directory), auditLog, clock)
        .deleting(annotated);
    auditLog.flush();
    assertThat(culled())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.user()).isEqualTo("trevolution");
              assertThat(e.project()).isEqualTo("asthma");
              assertThat(e.app()).isEqualTo("guacamole");
              assertThat(e.outcome()).isEqualTo("ok");
              assertThat(e.reason()).isEqualTo("desktop.idle-timeout");
            });
  }

  @Test
  void idleStopOfADesktopOutsideItsProjectNamespaceThenNotRecorded() {
    GenericKubernetesResource forged =
        new GenericKubernetesResourceBuilder()
            .withApiVersion(HasMetadata.getApiVersion(VDIInstance.class))
            .withKind("VDIInstance")
            .withNewMetadata()
            .withNamespace("project-hypertension")
            .withName(TREVOLUTION_DESKTOP)
            .withUid("forged-" + System.nanoTime())
            .addToAnnotations("k8tre.io/stop-reason", "idle-timeout")
            .endMetadata()
            .withAdditionalProperties(
                Map.of("spec", Map.of("user", "trevolution", "project", "asthma")))
            .build();

    new DesktopWatch(
            KubernetesMock.client(), KubernetesDesktops.context(directory), auditLog, clock)
        .deleting(forged);
    auditLog.flush();

    assertThat(culled()).isEmpty();
  }

  @Test
  void deletedWithoutAReasonThenNotRecordedAsCulled() {
    Browserless trevolution = newBrowser();
    trevolution.login("trevolution", "k8tre");
    trevolution.get("/launch/asthma/guacamole");
    KubernetesMock.client()
        .resources(VDIInstance.class)
        .inNamespace("project-asthma")
        .withName(TREVOLUTION_DESKTOP)
        .delete();

    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !desktopExists());
    Awaitility.await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
    auditLog.flush();
    assertThat(culled()).isEmpty();
  }

  private List<AuditEvent> culled() {
    return auditStore
        .find(new AuditQuery("asthma", "trevolution", null, null, null, null, 500))
        .stream()
        .filter(e -> e.kind().equals("desktop.culled"))
        .toList();
  }

  @Autowired AuditStore auditStore;

  @Autowired BufferedAuditLog auditLog;

  @Autowired DirectoryProperties directory;

  @Autowired Clock clock;

  private static String csrf(Browserless browser) {
    Matcher m =
        Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(browser.get("/logout").body());
    assertThat(m.find()).as("CSRF field on the sign-out page").isTrue();
    return m.group(1);
  }

  private static boolean desktopExists() {
    return KubernetesMock.client()
            .resources(VDIInstance.class)
            .inNamespace("project-asthma")
            .withName(TREVOLUTION_DESKTOP)
            .get()
        != null;
  }
}
