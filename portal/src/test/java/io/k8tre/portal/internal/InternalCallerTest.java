package io.k8tre.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Internal API callers, reviewed by a Kubernetes API server (the fabric8 mock). */
@EnableKubernetesMockClient
class InternalCallerTest {

  private static final String PATH = "/apis/authentication.k8s.io/v1/tokenreviews";

  KubernetesMockServer server;
  KubernetesClient client;

  private InternalCaller caller() {
    return new InternalCaller(
        new KubernetesTokenReviewer(client, List.of("k8tre-portal")),
        new InternalProperties(
            List.of("system:serviceaccount:jupyterhub:hub"),
            List.of("k8tre-portal"),
            Duration.ofSeconds(30)));
  }

  private void clusterSays(boolean authenticated, String user) {
    TokenReview review =
        new TokenReviewBuilder()
            .withNewStatus()
            .withAuthenticated(authenticated)
            .withNewUser()
            .withUsername(user)
            .endUser()
            .endStatus()
            .build();
    server.expect().post().withPath(PATH).andReturn(201, review).always();
  }

  @Test
  void checkWhenHubServiceAccountThenAllowed() throws Exception {
    clusterSays(true, "system:serviceaccount:jupyterhub:hub");

    InternalCaller.Verdict verdict = caller().check("Bearer sa-token");

    assertThat(verdict.status()).isEqualTo(200);
    String sent = server.getLastRequest().getBody().readUtf8();
    assertThat(sent).contains("\"token\":\"sa-token\"", "\"audiences\":[\"k8tre-portal\"]");
  }

  @Test
  void checkWhenOtherServiceAccountThenForbidden() {
    clusterSays(true, "system:serviceaccount:project-asthma:default");

    InternalCaller.Verdict verdict = caller().check("Bearer other");

    assertThat(verdict.status()).isEqualTo(403);
    assertThat(verdict.reason()).isEqualTo("account.not-allowed");
  }

  @Test
  void checkWhenClusterRejectsTokenThenUnauthorized() {
    clusterSays(false, null);

    assertThat(caller().check("Bearer forged").reason()).isEqualTo("token.rejected");
  }

  @Test
  void checkWhenNoOrOddHeaderThenUnauthorizedWithoutAskingTheCluster() {
    InternalCaller caller = caller();

    assertThat(caller.check(null).status()).isEqualTo(401);
    assertThat(caller.check("Basic dXNlcjpwdw==").status()).isEqualTo(401);
    assertThat(caller.check("Bearer ").status()).isEqualTo(401);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void checkWhenSameTokenAgainThenReviewIsReused() {
    clusterSays(true, "system:serviceaccount:jupyterhub:hub");
    InternalCaller caller = caller();

    caller.check("Bearer sa-token");
    caller.check("Bearer sa-token");

    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void checkWhenApiServerUnreachableThenUnauthorizedNotAnError() {
    InternalCaller caller =
        new InternalCaller(
            token -> {
              throw new IllegalStateException("connection refused");
            },
            new InternalProperties(
                List.of("system:serviceaccount:jupyterhub:hub"),
                List.of(),
                Duration.ofSeconds(30)));

    assertThat(caller.check("Bearer t").reason()).isEqualTo("tokenreview.unavailable");
  }
}
